import { sql } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { RevokedReason } from '../auth/tables.ts'

/**
 * A user's live sessions, one row per family (sign-in): its live token row's user agent and ip,
 * when the family started and when it last renewed.
 */
export function liveSessions(db: Db, userId: string, now: Date) {
  return db
    .selectFrom('auth_sessions as live')
    .where('live.user_id', '=', userId)
    .where('live.revoked_at', 'is', null)
    .where('live.expires_at', '>', now)
    .select((eb) => [
      'live.family_id',
      'live.user_agent',
      sql<string | null>`host(live.ip)`.as('ip'),
      'live.created_at as last_used_at',
      eb
        .selectFrom('auth_sessions as first')
        .whereRef('first.family_id', '=', 'live.family_id')
        .select(({ fn }) => fn.min('first.created_at').as('started'))
        .as('started_at'),
    ])
    .orderBy('live.created_at', 'desc')
    .execute()
}

/** The family of a refresh token, when the token is the user's and not expired. */
export async function familyOfToken(db: Db, userId: string, tokenHash: string, now: Date): Promise<string | undefined> {
  const row = await db
    .selectFrom('auth_sessions')
    .select('family_id')
    .where('token_hash', '=', tokenHash)
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return row?.family_id
}

/** Revokes the user's live tokens, all of them or those of one family, sparing one family if given. */
export async function revokeSessions(db: Db, userId: string, reason: RevokedReason, now: Date, scope: { only?: string; except?: string } = {}): Promise<number> {
  let query = db
    .updateTable('auth_sessions')
    .set({ revoked_at: now, revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
  if (scope.only) query = query.where('family_id', '=', scope.only)
  if (scope.except) query = query.where('family_id', '<>', scope.except)
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export const updatePasswordHash = (db: Db, userId: string, passwordHash: string, now: Date) =>
  db.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', userId).execute()
