import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, parseTokenKeys } from '../../config.ts'
import { createTokenVault, TokenVaultError, type SealContext } from './token-vault.ts'
import { newKey } from './connection-fixtures.ts'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const context: SealContext = { purpose: 'access_token', userId: 'user-1', ownerId: 'connection-1' }

describe('token vault', () => {
  it('seals with a fresh nonce each time and opens what it sealed', () => {
    const vault = createTokenVault([newKey('k1')])
    const first = vault.seal('secret-token', context)
    const second = vault.seal('secret-token', context)
    expect(first.ciphertext).not.toBe(second.ciphertext)
    expect(first.keyId).toBe('k1')
    expect(Buffer.from(first.ciphertext, 'base64').includes(Buffer.from('secret-token'))).toBe(false)
    expect(vault.open(first, context)).toBe('secret-token')
  })

  it('refuses a ciphertext moved to another user, connection or token column (associated data)', () => {
    const vault = createTokenVault([newKey('k1')])
    const sealed = vault.seal('secret-token', context)
    expect(() => vault.open(sealed, { ...context, userId: 'user-2' })).toThrow(TokenVaultError)
    expect(() => vault.open(sealed, { ...context, ownerId: 'connection-2' })).toThrow(TokenVaultError)
    expect(() => vault.open(sealed, { ...context, purpose: 'refresh_token' })).toThrow(TokenVaultError)
  })

  it('refuses a tampered ciphertext', () => {
    const vault = createTokenVault([newKey('k1')])
    const raw = Buffer.from(vault.seal('secret-token', context).ciphertext, 'base64')
    raw[14]! ^= 0x01
    expect(() => vault.open({ ciphertext: raw.toString('base64'), keyId: 'k1' }, context)).toThrow('failed authentication')
  })

  it('after rotation seals with the new key and still opens values sealed with the old one', () => {
    const k1 = newKey('k1')
    const sealedBefore = createTokenVault([k1]).seal('old-token', context)
    const rotated = createTokenVault([newKey('k2'), k1])
    expect(rotated.currentKeyId).toBe('k2')
    expect(rotated.open(sealedBefore, context)).toBe('old-token')
    expect(rotated.seal('new-token', context).keyId).toBe('k2')
  })

  it('names the missing key when a value was sealed with a key no longer configured', () => {
    const sealed = createTokenVault([newKey('k1')]).seal('token', context)
    expect(() => createTokenVault([newKey('k2')]).open(sealed, context)).toThrow(/no token key with id k1/)
  })
})

describe('TOKEN_ENCRYPTION_KEYS', () => {
  const key = () => randomBytes(32).toString('base64')
  const realDb = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', JWT_SECRET: 'x'.repeat(40) }

  it('reads a list with the current key first', () => {
    const [k2, k1] = [key(), key()]
    const keys = parseTokenKeys(`k2:${k2}, k1:${k1}`)
    expect(keys.map((k) => k.id)).toEqual(['k2', 'k1'])
    expect(keys[0]!.key.equals(Buffer.from(k2, 'base64'))).toBe(true)
  })

  it.each([
    ['k1:' + randomBytes(16).toString('base64'), /key "k1" that is 16 bytes .*Fix: set TOKEN_ENCRYPTION_KEYS=/],
    ['just-a-key', /not <key id>:<base64 key>/],
    [`k1:${randomBytes(32).toString('base64')},k1:${randomBytes(32).toString('base64')}`, /lists key id "k1" twice/],
  ])('refuses %s, naming the variable and the fix', (raw, message) => {
    expect(() => parseTokenKeys(raw)).toThrow(ConfigError)
    expect(() => parseTokenKeys(raw)).toThrow(message)
  })

  it('accepts the single TOKEN_ENCRYPTION_KEY the Kubernetes Secret provides', () => {
    const config = loadConfig({ ...realDb, TOKEN_ENCRYPTION_KEY: key() })
    expect(config.tokenEncryptionKeys).toHaveLength(1)
    expect(config.tokenEncryptionKeys![0]!.id).toMatch(/^k-[0-9a-f]{8}$/)
  })

  it('generates one key per install in embedded mode and keeps it', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ndith-keys-'))
    const first = loadConfig({ DATA_DIR: dataDir }).tokenEncryptionKeys!
    const again = loadConfig({ DATA_DIR: dataDir }).tokenEncryptionKeys!
    expect(first).toHaveLength(1)
    expect(again[0]!.key.equals(first[0]!.key)).toBe(true)
  })

  it('reads Spotify base URLs from the environment so the simulator can stand in', () => {
    const config = loadConfig({ ...realDb, SPOTIFY_ACCOUNTS_URL: 'http://127.0.0.1:4000/', SPOTIFY_API_URL: 'http://127.0.0.1:4000/v1' })
    expect(config.spotifyAccountsUrl).toBe('http://127.0.0.1:4000')
    expect(config.spotifyApiUrl).toBe('http://127.0.0.1:4000/v1')
    expect(loadConfig(realDb).spotifyAccountsUrl).toBe('https://accounts.spotify.com')
  })
})
