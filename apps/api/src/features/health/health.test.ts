import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { buildApp } from '../../app.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { redisStore } from '../../store/store.ts'
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts'
import { createTestApp, createTestStore, testConfig, type TestApp } from '../../../test/support/test-app.ts'

describe('GET /health and GET /ready on a healthy stack', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('/health answers 200 without touching dependencies', async () => {
    const response = await t.app.inject('/health')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok' })
  })

  it('the probes carry the security headers but no CORS headers (no browser asks them cross-origin)', async () => {
    for (const url of ['/health', '/ready']) {
      const response = await t.app.inject({ url, headers: { origin: testConfig.corsAllowedOrigins[0]! } })
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([])
    }
    const api = await t.app.inject({ url: '/api/v1/auth/me', headers: { origin: testConfig.corsAllowedOrigins[0]! } })
    expect(api.headers['access-control-allow-origin']).toBe(testConfig.corsAllowedOrigins[0])
  })

  it('/ready answers 200 when Postgres, the schema and the store are all fine', async () => {
    const response = await t.app.inject('/ready')
    expect(response.statusCode).toBe(200)
    expect(response.json().status).toBe('ready')
    expect(response.json().checks.map((c: { name: string; ok: boolean }) => [c.name, c.ok])).toEqual([
      ['postgres', true],
      ['schema', true],
      ['redis', true],
    ])
  })
})

describe('GET /ready on a broken stack', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(() => database.drop())

  const appWith = (store = createTestStore()) => buildApp({ db: database.db, store, config: testConfig })

  it('answers 503 naming each missing table and the fix when migrations have not run', async () => {
    const app = await appWith()
    const response = await app.inject('/ready')
    expect(response.statusCode).toBe(503)
    const schema = response.json().checks.find((c: { name: string }) => c.name === 'schema')
    expect(schema.ok).toBe(false)
    expect(schema.message).toContain('table users missing')
    expect(schema.message).toContain('run migrations')
    await app.close()
  })

  it('answers 503 when a required table was dropped after migrating', async () => {
    await migrateToLatest(database.db)
    await sql`drop table audit_log`.execute(database.db)
    const app = await appWith()
    const response = await app.inject('/ready')
    expect(response.statusCode).toBe(503)
    expect(response.json().checks.find((c: { name: string }) => c.name === 'schema').message).toMatch(/^table audit_log missing.*: run migrations/)
    await app.close()
  })

  it('answers 503 naming Redis when Redis does not answer', async () => {
    const deadRedis = redisStore('redis://127.0.0.1:1')
    const app = await appWith(deadRedis)
    const response = await app.inject('/ready')
    expect(response.statusCode).toBe(503)
    const redis = response.json().checks.find((c: { name: string }) => c.name === 'redis')
    expect(redis).toMatchObject({ ok: false, message: expect.stringContaining('check REDIS_URL') })
    await app.close()
    await deadRedis.close()
  })
})
