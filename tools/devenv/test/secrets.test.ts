import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { databaseUrl, loadOrCreateSecrets, requireSecrets, secretsDir } from '../src/stack/secrets.ts'
import { parseStackOptions } from '../src/stack/options.ts'
import { resolveTarget, targetEnvironment } from '../src/stack/target.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'devenv-secrets-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('per-namespace credentials', () => {
  it('are generated once, kept readable only by their owner, and reused on every later render', () => {
    const first = loadOrCreateSecrets('ndith-a', dir)
    const again = loadOrCreateSecrets('ndith-a', dir)
    expect(again).toEqual(first)
    expect(loadOrCreateSecrets('ndith-b', dir).postgresPassword).not.toBe(first.postgresPassword)
    expect(statSync(path.join(dir, 'ndith-a.json')).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(path.join(dir, 'ndith-a.json'), 'utf8'))).toEqual(first)
  })

  it('include a token encryption key in the API’s TOKEN_ENCRYPTION_KEYS form: an id and 32 random bytes', () => {
    const keys = loadOrCreateSecrets('ndith-a', dir).tokenEncryptionKeys
    const [id, key] = keys.split(':')
    expect(id).toBe('k1')
    expect(Buffer.from(key!, 'base64')).toHaveLength(32)
    expect(loadOrCreateSecrets('ndith-b', dir).tokenEncryptionKeys).not.toBe(keys)
  })

  it('gain a token key and a metrics token when a file saved before they existed is read, keeping every other credential', () => {
    const old = { postgresUser: 'ndith', postgresPassword: 'kept-password', postgresDb: 'ndith', jwtSecret: 'kept-jwt-secret-kept-jwt-secret-kept' }
    writeFileSync(path.join(dir, 'ndith-old.json'), JSON.stringify(old), { mode: 0o600 })
    const completed = loadOrCreateSecrets('ndith-old', dir)
    expect(completed).toMatchObject(old)
    expect(completed.tokenEncryptionKeys).toMatch(/^k1:[A-Za-z0-9+/]{43}=$/)
    expect(completed.metricsToken).toMatch(/^[0-9a-f]{48}$/)
    // Written back, so the next render gives the API the same key (tokens sealed with it stay readable).
    expect(JSON.parse(readFileSync(path.join(dir, 'ndith-old.json'), 'utf8'))).toEqual(completed)
    expect(loadOrCreateSecrets('ndith-old', dir)).toEqual(completed)
    expect(statSync(path.join(dir, 'ndith-old.json')).mode & 0o777).toBe(0o600)
  })

  it('live outside the repository unless DEVENV_STATE_DIR says otherwise', () => {
    expect(secretsDir({ DEVENV_STATE_DIR: '/tmp/x' })).toBe('/tmp/x/secrets')
    expect(secretsDir({ XDG_CONFIG_HOME: '/home/a/.config' })).toBe('/home/a/.config/ndith-devenv/secrets')
  })

  it('are required for the Tilt stack, with the fix when they are missing', () => {
    expect(() => requireSecrets('ndith-none', dir)).toThrow(/no credentials for namespace ndith-none/)
  })

  it('make URLs safe for any password', () => {
    const url = databaseUrl({ postgresUser: 'ndith', postgresPassword: 'p@ss/w:rd', postgresDb: 'ndith', jwtSecret: '', tokenEncryptionKeys: '', metricsToken: '' }, '127.0.0.1', 5433)
    expect(new URL(url).password).toBe(encodeURIComponent('p@ss/w:rd'))
    expect(decodeURIComponent(new URL(url).password)).toBe('p@ss/w:rd')
  })
})

describe('stack targets', () => {
  it('point the Tilt stack at the port forwards, with the namespace’s credentials', () => {
    const env = { DEVENV_STATE_DIR: dir }
    const secrets = loadOrCreateSecrets('ndith-t-1', secretsDir(env))
    const t = resolveTarget(parseStackOptions({ stack: 'tilt', namespace: 'ndith-t-1', offset: '1' }), env)
    expect(t.apiUrl).toBe('http://127.0.0.1:3001')
    expect(t.webUrl).toBe('http://127.0.0.1:5001')
    expect(t.redisUrl).toBe('redis://127.0.0.1:6380')
    expect(t.database).toEqual({ kind: 'postgres', url: `postgres://ndith:${secrets.postgresPassword}@127.0.0.1:5433/ndith` })
  })

  it('read the npm start stack from the same variables as the API, with embedded defaults', () => {
    const embedded = resolveTarget(parseStackOptions({}), { DATA_DIR: '/tmp/ndith-data' })
    expect(embedded).toMatchObject({ apiUrl: 'http://127.0.0.1:3000', webUrl: 'http://127.0.0.1:5000', redisUrl: undefined, database: { kind: 'pglite', dataDir: '/tmp/ndith-data' } })
    expect(targetEnvironment(embedded)).toEqual({ NDITH_API_URL: 'http://127.0.0.1:3000', NDITH_WEB_URL: 'http://127.0.0.1:5000', DATA_DIR: '/tmp/ndith-data' })
    const real = resolveTarget(parseStackOptions({}), { DATABASE_URL: 'postgres://u@127.0.0.1:5432/d', REDIS_URL: 'redis://127.0.0.1:6379', PORT: '3100' })
    expect(real).toMatchObject({ apiUrl: 'http://127.0.0.1:3100', redisUrl: 'redis://127.0.0.1:6379', database: { kind: 'postgres', url: 'postgres://u@127.0.0.1:5432/d' } })
  })
})
