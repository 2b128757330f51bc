import { sql, type ExpressionBuilder, type Kysely, type Updateable } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { ConnectionRow, ConnectionsTable, NewConnection, NewOAuthAuthorization, OAuthAuthorizationRow } from './tables.ts'

type Db = Kysely<Database>

/** The columns that are safe to show: everything but the sealed tokens. */
export const publicConnectionColumns = [
  'id', 'user_id', 'provider', 'provider_user_id', 'display_name', 'scopes', 'status', 'last_error',
  'expires_at', 'token_refreshed_at', 'last_scanned_at', 'created_at', 'updated_at',
] as const

export type PublicConnectionRow = Pick<ConnectionRow, (typeof publicConnectionColumns)[number]>

export const listConnections = (db: Db, userId: string): Promise<PublicConnectionRow[]> =>
  db.selectFrom('connections').select(publicConnectionColumns).where('user_id', '=', userId).orderBy('created_at').execute()

export const findConnection = (db: Db, id: string): Promise<ConnectionRow | undefined> =>
  db.selectFrom('connections').selectAll().where('id', '=', id).executeTakeFirst()

export const lockUserConnection = (trx: Db, userId: string, provider: string): Promise<ConnectionRow | undefined> =>
  trx.selectFrom('connections').selectAll().where('user_id', '=', userId).where('provider', '=', provider).forUpdate().executeTakeFirst()

/** Locks the row until the transaction ends: the cross-process half of single-flight refresh. */
export const lockConnection = (trx: Db, id: string): Promise<ConnectionRow | undefined> =>
  trx.selectFrom('connections').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()

export const insertConnection = (db: Db, values: NewConnection): Promise<ConnectionRow> =>
  db.insertInto('connections').values(values).returningAll().executeTakeFirstOrThrow()

export const updateConnection = (db: Db, id: string, values: Updateable<ConnectionsTable>): Promise<ConnectionRow | undefined> =>
  db.updateTable('connections').set({ ...values, updated_at: sql<Date>`now()` }).where('id', '=', id).returningAll().executeTakeFirst()

export const deleteUserConnection = (db: Db, userId: string, id: string): Promise<ConnectionRow | undefined> =>
  db.deleteFrom('connections').where('id', '=', id).where('user_id', '=', userId).returningAll().executeTakeFirst()

const sealedWithOtherKey = (currentKeyId: string) => (eb: ExpressionBuilder<Database, 'connections'>) => eb.or([
  eb.and([eb('access_token_key_id', 'is not', null), eb('access_token_key_id', '!=', currentKeyId)]),
  eb.and([eb('refresh_token_key_id', 'is not', null), eb('refresh_token_key_id', '!=', currentKeyId)]),
])

/** Rows holding any ciphertext not sealed with `currentKeyId`, in id order after `afterId`, locked. */
export function lockStaleSealedBatch(trx: Db, currentKeyId: string, afterId: string | null, limit: number): Promise<ConnectionRow[]> {
  let query = trx.selectFrom('connections').selectAll().where(sealedWithOtherKey(currentKeyId))
  if (afterId) query = query.where('id', '>', afterId)
  return query.orderBy('id').limit(limit).forUpdate().execute()
}

export const insertAuthorization = (db: Db, values: NewOAuthAuthorization): Promise<OAuthAuthorizationRow> =>
  db.insertInto('oauth_authorizations').values(values).returningAll().executeTakeFirstOrThrow()

/**
 * Marks a pending sign-in used and returns it, only if it exists, is unused and has not expired:
 * one atomic statement, so a replayed or raced callback finds nothing.
 */
/** Marks a pending sign-in used and returns it, only if it exists, is unused and has not expired. */
export const consumeAuthorization = (db: Db, stateHash: string, now: Date): Promise<OAuthAuthorizationRow | undefined> =>
  db.updateTable('oauth_authorizations').set({ consumed_at: now })
    .where('state_hash', '=', stateHash).where('consumed_at', 'is', null).where('expires_at', '>', now)
    .returningAll().executeTakeFirst()

export const deleteAuthorizationsBefore = (db: Db, cutoff: Date): Promise<unknown> =>
  db.deleteFrom('oauth_authorizations').where('expires_at', '<', cutoff).execute()

/** How many connections still hold a token sealed with a key other than `currentKeyId`. */
export async function countStaleConnections(db: Db, currentKeyId: string): Promise<number> {
  const row = await db.selectFrom('connections').select((eb) => eb.fn.countAll<string>().as('count'))
    .where(sealedWithOtherKey(currentKeyId)).executeTakeFirstOrThrow()
  return Number(row.count)
}
