import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts'
import { createMigrator } from '../../db/migrate.ts'

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(() => database.drop())

describe('migration 0011_connection_flow', () => {
  it('carries existing connections over (one key id becomes one per ciphertext, revoked/expired become needs_reauth) and back', async () => {
    const db = database.db
    const migrator = createMigrator(db)
    expect((await migrator.migrateTo('0010_curator_deletion')).error).toBeUndefined()
    const user = await sql<{ id: string }>`insert into users (email, password_hash) values ('m@x.io', 'h') returning id`.execute(db)
    const userId = user.rows[0]!.id
    await sql`insert into connections (user_id, provider, provider_user_id, access_token_encrypted, refresh_token_encrypted, encryption_key_id, status)
      values (${userId}, 'spotify', 'acct-1', 'sealed-a', 'sealed-r', 'k1', 'revoked'),
             (${userId}, 'tidal', 'acct-2', null, null, null, 'active')`.execute(db)

    expect((await migrator.migrateTo('0011_connection_flow')).error).toBeUndefined()
    const up = await sql<Record<string, unknown>>`select provider, access_token_key_id, refresh_token_key_id, status from connections order by provider`.execute(db)
    expect(up.rows).toEqual([
      { provider: 'spotify', access_token_key_id: 'k1', refresh_token_key_id: 'k1', status: 'needs_reauth' },
      { provider: 'tidal', access_token_key_id: null, refresh_token_key_id: null, status: 'active' },
    ])
    // A ciphertext without its key id cannot be stored.
    await expect(sql`update connections set access_token_key_id = null where provider = 'spotify'`.execute(db)).rejects.toMatchObject({ code: '23514' })

    expect((await migrator.migrateDown()).error).toBeUndefined()
    const down = await sql<Record<string, unknown>>`select provider, encryption_key_id, status from connections order by provider`.execute(db)
    expect(down.rows).toEqual([
      { provider: 'spotify', encryption_key_id: 'k1', status: 'revoked' },
      { provider: 'tidal', encryption_key_id: null, status: 'active' },
    ])
  })
})
