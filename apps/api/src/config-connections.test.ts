import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseTokenKeys } from './config-connections.ts'
import { ConfigError, loadConfig } from './config.ts'

const key = () => randomBytes(32).toString('base64')
const realDb = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', JWT_SECRET: 'x'.repeat(40) }

describe('TOKEN_ENCRYPTION_KEYS', () => {
  it('reads a list with the current key first', () => {
    const [k2, k1] = [key(), key()]
    const keys = parseTokenKeys(`k2:${k2}, k1:${k1}`)
    expect(keys.map((k) => k.id)).toEqual(['k2', 'k1'])
    expect(keys[0]!.key.equals(Buffer.from(k2, 'base64'))).toBe(true)
  })

  it.each([
    ['k1:' + randomBytes(16).toString('base64'), /key "k1" that is 16 bytes .*Fix: set TOKEN_ENCRYPTION_KEYS=/],
    ['just-a-key', /not <key id>:<base64 key>/],
    [`k1:${key()},k1:${key()}`, /lists key id "k1" twice/],
  ])('refuses %s, naming the variable and the fix', (raw, message) => {
    expect(() => parseTokenKeys(raw)).toThrow(ConfigError)
    expect(() => parseTokenKeys(raw)).toThrow(message)
  })

  it('generates one key per install in embedded mode and keeps it; none is invented for a real database', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ndith-keys-'))
    const first = loadConfig({ DATA_DIR: dataDir }).connections.tokenEncryptionKeys!
    const again = loadConfig({ DATA_DIR: dataDir }).connections.tokenEncryptionKeys!
    expect(first).toHaveLength(1)
    expect(again[0]!.key.equals(first[0]!.key)).toBe(true)
    expect(loadConfig(realDb).connections.tokenEncryptionKeys).toBeUndefined()
  })
})

describe('Spotify, real and simulated', () => {
  it('offers neither by default, the real one with SPOTIFY_CLIENT_ID, the simulator with SIMULATOR_URL', () => {
    expect(loadConfig(realDb).connections).toMatchObject({ spotify: undefined, simulator: undefined, appUrl: 'http://localhost:5000' })
    expect(loadConfig({ ...realDb, SPOTIFY_CLIENT_ID: 'abc' }).connections.spotify).toEqual({
      clientId: 'abc', accountsUrl: 'https://accounts.spotify.com', authorizeBaseUrl: 'https://accounts.spotify.com', apiUrl: 'https://api.spotify.com/v1',
    })
    expect(loadConfig({ ...realDb, SIMULATOR_URL: 'http://provider-sim:4000/', SIMULATOR_PUBLIC_URL: 'http://127.0.0.1:4001' }).connections.simulator).toEqual({
      clientId: 'ndith-dev', accountsUrl: 'http://provider-sim:4000', authorizeBaseUrl: 'http://127.0.0.1:4001', apiUrl: 'http://provider-sim:4000/v1',
    })
  })

  it('refuses a simulator URL that is not http(s), naming the variable', () => {
    expect(() => loadConfig({ ...realDb, SIMULATOR_URL: 'ftp://x' })).toThrow(/^SIMULATOR_URL has protocol "ftp:"/)
  })
})
