// Helpers for the connection tests: users and connection
// rows holding sealed tokens, written the way the service writes them.
import { randomBytes, randomUUID } from 'node:crypto'
import type { Db } from '../../db/database.ts'
import { sealAccessToken, sealRefreshToken } from './connection-secrets.ts'
import { insertConnection } from './repository.ts'
import type { TokenKey, TokenVault } from './token-vault.ts'

export { migratedDatabase } from '../../../test/support/database.ts'

export const newKey = (id: string): TokenKey => ({ id, key: randomBytes(32) })

export async function createUser(db: Db): Promise<string> {
  const row = await db.insertInto('users')
    .values({ email: `listener.${randomUUID()}@example.com`, password_hash: 'not-a-real-hash' })
    .returning('id').executeTakeFirstOrThrow()
  return row.id
}

export interface StoredConnection {
  id: string
  userId: string
  accessToken: string
  refreshToken: string
}

/** A Spotify connection with random tokens sealed by `vault`; the access token expires at `expiresAt`. */
export async function createConnection(db: Db, vault: TokenVault, expiresAt: Date, userId?: string): Promise<StoredConnection> {
  const owner = { id: randomUUID(), user_id: userId ?? (await createUser(db)) }
  const accessToken = `access-${randomBytes(12).toString('hex')}`
  const refreshToken = `refresh-${randomBytes(12).toString('hex')}`
  await insertConnection(db, {
    id: owner.id,
    user_id: owner.user_id,
    provider: 'spotify',
    provider_user_id: `spotify-user-${randomBytes(6).toString('hex')}`,
    display_name: 'Test Listener',
    scopes: ['user-library-read'],
    ...sealAccessToken(vault, owner, accessToken),
    ...sealRefreshToken(vault, owner, refreshToken),
    expires_at: expiresAt,
  })
  return { id: owner.id, userId: owner.user_id, accessToken, refreshToken }
}
