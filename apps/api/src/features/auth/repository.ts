import { sql } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { NewAuthSession, RevokedReason, UserRow } from './tables.ts'

export const findUserByEmail = (db: Db, email: string) =>
  db.selectFrom('users').selectAll().where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst()

export const findUserById = (db: Db, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()

export const insertUser = (db: Db, email: string, passwordHash: string): Promise<UserRow> =>
  db.insertInto('users').values({ email, password_hash: passwordHash }).returningAll().executeTakeFirstOrThrow()

export const insertSession = (db: Db, session: NewAuthSession) =>
  db.insertInto('auth_sessions').values(session).returning(['id', 'family_id']).executeTakeFirstOrThrow()

/** Locks the session row so two refreshes with the same token cannot both rotate it. */
export const findSessionForUpdate = (db: Db, tokenHash: string) =>
  db.selectFrom('auth_sessions').selectAll().where('token_hash', '=', tokenHash).forUpdate().executeTakeFirst()

export const markRotated = (db: Db, id: string, replacedBy: string, now: Date) =>
  db
    .updateTable('auth_sessions')
    .set({ revoked_at: now, revoked_reason: 'rotated', replaced_by: replacedBy, last_used_at: now })
    .where('id', '=', id)
    .execute()

/** Whether any token of the family is still live (not rotated, logged out or revoked). */
export const familyIsActive = async (db: Db, familyId: string) =>
  Boolean(await db.selectFrom('auth_sessions').select('id').where('family_id', '=', familyId).where('revoked_at', 'is', null).executeTakeFirst())

/** Revokes every still-active token of a family; returns how many were active. */
export async function revokeFamily(db: Db, familyId: string, reason: RevokedReason, now: Date): Promise<number> {
  const result = await db
    .updateTable('auth_sessions')
    .set({ revoked_at: now, revoked_reason: reason })
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
