import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'

const secret = 'a'.repeat(40)
const realDb = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', JWT_SECRET: secret }
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'ndith-config-'))

describe('loadConfig', () => {
  it('has working defaults: port 3000, CORS for the web app on :5000, embedded mode', () => {
    const dataDir = tempDir()
    const config = loadConfig({ DATA_DIR: dataDir })
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, redisUrl: undefined, migrateOnStart: true })
    expect(config.corsAllowedOrigins).toContain('http://localhost:5000')
  })

  it('in embedded mode generates a JWT secret once and keeps it with the data', () => {
    const dataDir = tempDir()
    const first = loadConfig({ DATA_DIR: dataDir }).jwtSecret
    expect(first.length).toBeGreaterThanOrEqual(32)
    expect(loadConfig({ DATA_DIR: dataDir }).jwtSecret).toBe(first)
    const file = path.join(dataDir, 'jwt-secret')
    expect(readFileSync(file, 'utf8').trim()).toBe(first)
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('requires JWT_SECRET once DATABASE_URL is set, naming the variable and the fix', () => {
    expect(() => loadConfig({ DATABASE_URL: realDb.DATABASE_URL })).toThrow(/^JWT_SECRET is required .*Fix: set JWT_SECRET/)
    expect(() => loadConfig({ ...realDb, JWT_SECRET: 'short' })).toThrow(/JWT_SECRET is 5 characters long/)
  })

  it.each([
    ['PORT', 'abc', /^PORT is "abc", not a whole number/],
    ['DATABASE_URL', 'mysql://x', /^DATABASE_URL has protocol "mysql:"/],
    ['REDIS_URL', 'not a url', /^REDIS_URL is not a valid URL/],
    ['CORS_ALLOWED_ORIGINS', 'http://localhost:5000/', /^CORS_ALLOWED_ORIGINS contains "http:\/\/localhost:5000\/"/],
    ['LOG_LEVEL', 'loud', /^LOG_LEVEL is "loud"/],
    ['RATE_LIMIT_LOGIN_PER_IP', 'lots', /^RATE_LIMIT_LOGIN_PER_IP is "lots", not <count>\/<window>/],
    ['COOKIE_SECURE', 'maybe', /^COOKIE_SECURE is "maybe", not true or false/],
    ['DB_STATEMENT_TIMEOUT_MS', 'soon', /^DB_STATEMENT_TIMEOUT_MS is "soon"/],
    ['IMPORTS_IN_FLIGHT_PER_USER', '0', /^IMPORTS_IN_FLIGHT_PER_USER/],
  ])('refuses an invalid %s', (name, value, message) => {
    expect(() => loadConfig({ ...realDb, [name]: value })).toThrow(message)
  })

  it('parses rate limits written as count/window', () => {
    const config = loadConfig({ ...realDb, RATE_LIMIT_LOGIN_PER_IP: '5/2m' })
    expect(config.rateLimits.loginPerIp).toEqual({ points: 5, durationSeconds: 120 })
  })

  it('limits statements to 15 s and imports to two per user unless told otherwise', () => {
    expect(loadConfig(realDb)).toMatchObject({ databaseStatementTimeoutMs: 15_000, rateLimits: { importsInFlightPerUser: 2 } })
    expect(loadConfig({ ...realDb, DB_STATEMENT_TIMEOUT_MS: '0', IMPORTS_IN_FLIGHT_PER_USER: '4' })).toMatchObject({ databaseStatementTimeoutMs: 0, rateLimits: { importsInFlightPerUser: 4 } })
  })

  it('does not migrate on start against a real database unless asked', () => {
    expect(loadConfig(realDb).migrateOnStart).toBe(false)
    expect(loadConfig({ ...realDb, MIGRATE_ON_START: 'true' }).migrateOnStart).toBe(true)
  })
})
