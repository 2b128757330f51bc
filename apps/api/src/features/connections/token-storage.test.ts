import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestDatabase } from '../../../test/support/database.ts'
import { createConnection, migratedDatabase, newKey } from './connection-fixtures.ts'
import { openAccessToken, openRefreshToken } from './connection-secrets.ts'
import { countStaleConnections, findConnection } from './repository.ts'
import { reencryptConnectionTokens } from './token-rotation.ts'
import { createTokenVault } from './token-vault.ts'

let database: TestDatabase
beforeAll(async () => {
  database = await migratedDatabase()
})
afterAll(() => database.drop())

const inAnHour = () => new Date(Date.now() + 3600_000)

describe('connection tokens at rest', () => {
  it('stores no plaintext token anywhere in the raw row', async () => {
    const vault = createTokenVault([newKey('k1')])
    const stored = await createConnection(database.db, vault, inAnHour())
    const raw = await sql<Record<string, unknown>>`select * from connections where id = ${stored.id}`.execute(database.db)
    const text = JSON.stringify(raw.rows[0])
    expect(text).not.toContain(stored.accessToken)
    expect(text).not.toContain(stored.refreshToken)
    expect(raw.rows[0]).toMatchObject({ access_token_key_id: 'k1', refresh_token_key_id: 'k1' })
  })

  it('refuses a ciphertext copied onto another connection row', async () => {
    const vault = createTokenVault([newKey('k1')])
    const a = await createConnection(database.db, vault, inAnHour())
    const b = await createConnection(database.db, vault, inAnHour())
    await sql`update connections set access_token_encrypted = (select access_token_encrypted from connections where id = ${a.id}) where id = ${b.id}`.execute(database.db)
    const row = (await findConnection(database.db, b.id))!
    expect(() => openAccessToken(vault, row)).toThrow('failed authentication')
  })

  it('on rotation (new key first) old ciphertexts still open, and re-encryption re-seals every row with the new key', async () => {
    const k1 = newKey('rot-k1')
    const before = createTokenVault([k1])
    const stored = await Promise.all(Array.from({ length: 7 }, () => createConnection(database.db, before, inAnHour())))

    const k2 = newKey('rot-k2')
    const rotated = createTokenVault([k2, k1])
    const untouched = (await findConnection(database.db, stored[0]!.id))!
    expect(openAccessToken(rotated, untouched)).toBe(stored[0]!.accessToken)

    const result = await reencryptConnectionTokens(database.db, rotated, { batchSize: 3 })

    expect(result.rows).toBeGreaterThanOrEqual(7)
    expect(result.unreadable.map((u) => u.connectionId)).not.toEqual(expect.arrayContaining([stored[0]!.id]))
    // Rows from the other tests were sealed with keys this keyring does not hold: reported, not touched.
    expect(await countStaleConnections(database.db, 'rot-k2')).toBe(result.unreadable.length)
    // The old key can now leave the keyring.
    const onlyNewKey = createTokenVault([k2])
    for (const s of stored) {
      const row = (await findConnection(database.db, s.id))!
      expect(row).toMatchObject({ access_token_key_id: 'rot-k2', refresh_token_key_id: 'rot-k2' })
      expect(openAccessToken(onlyNewKey, row)).toBe(s.accessToken)
      expect(openRefreshToken(onlyNewKey, row)).toBe(s.refreshToken)
    }
    const audit = await database.db.selectFrom('audit_log').select(['after']).where('action', '=', 'connection.tokens_reencrypted').execute()
    const ids = audit.flatMap((a) => (a.after as { connectionIds: string[] }).connectionIds)
    expect(ids).toEqual(expect.arrayContaining(stored.map((s) => s.id)))
  })
})
