import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { sql } from 'kysely'
import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.ts'
import { connectPostgres } from '../src/db/database.ts'
import { memoryStore } from '../src/store/store.ts'
import { freePort } from './support/api-process.ts'
import { createTestApp, testConfig, type TestApp } from './support/test-app.ts'

const key = new TextEncoder().encode(testConfig.jwtSecret)
const signed = (claims: { sub?: string; exp?: boolean; iat?: boolean }) => {
  const now = Math.floor(Date.now() / 1000)
  let jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer('ndith-api').setAudience('ndith')
  if (claims.sub) jwt = jwt.setSubject(claims.sub)
  if (claims.iat !== false) jwt = jwt.setIssuedAt(now)
  if (claims.exp !== false) jwt = jwt.setExpirationTime(now + 600)
  return jwt.sign(key)
}
const errorShape = { error: { code: expect.any(String), message: expect.any(String) }, requestId: expect.any(String) }

describe('a database outage answers 503 SERVICE_UNAVAILABLE with Retry-After, not 500', () => {
  it('when Postgres refuses connections', async () => {
    const unreachable = connectPostgres(`postgres://postgres@127.0.0.1:${await freePort()}/nowhere`)
    const app = await buildApp({ db: unreachable.db, store: memoryStore(), config: testConfig })
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a@example.com', password: 'whatever-it-is' } })
    expect(response.statusCode).toBe(503)
    expect(response.headers['retry-after']).toBe('5')
    expect(response.json()).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' }, requestId: expect.any(String) })
    expect(response.body).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/)
    await app.close()
    await unreachable.db.destroy()
  })

  it.runIf(process.env.DATABASE_URL)('when the pool cannot hand out a connection in time', async () => {
    const t = await createTestApp()
    const tiny = connectPostgres(t.database.url!, { maxConnections: 1, connectionTimeoutMillis: 1000 })
    const app = await buildApp({ db: tiny.db, store: memoryStore(), config: testConfig })
    let release!: () => void
    let holding!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const connected = new Promise<void>((resolve) => (holding = resolve))
    const holder = tiny.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx)
      holding()
      await held
    })
    await connected
    try {
      const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a@example.com', password: 'whatever-it-is' } })
      expect(response.statusCode).toBe(503)
      expect(response.json().error.code).toBe('SERVICE_UNAVAILABLE')
      expect(response.headers['retry-after']).toMatch(/^\d+$/)
    } finally {
      release()
      await holder
      await app.close()
      await tiny.db.destroy()
      await t.close()
    }
  })
})

describe('edge errors keep their status and the one error shape', () => {
  let t: TestApp
  let base: string
  beforeAll(async () => {
    t = await createTestApp()
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
  })
  afterAll(() => t.close())

  /** A request with the path exactly as given (like curl --path-as-is; fetch would normalise `../`). */
  const raw = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      http.get(`${base}${path}`, { headers }, (res) => {
        let text = ''
        res.on('data', (c) => (text += c))
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }))
      }).on('error', reject)
    })

  it.each([
    ['a ../ escape from the docs assets', '/docs/static/../../package.json', {}, 404, 'NOT_FOUND'],
    ['a NUL byte in an asset path', '/docs/static/index.css%00', {}, 403, 'FORBIDDEN'],
    ['an unsatisfiable Range', '/docs/static/index.css', { range: 'bytes=99999999-' }, 416, 'RANGE_NOT_SATISFIABLE'],
    ['an If-Match that does not match', '/docs/static/index.css', { 'if-match': '"nope"' }, 412, 'PRECONDITION_FAILED'],
    ['a URL with an invalid escape', '/docs/%ff', {}, 400, 'BAD_REQUEST'],
  ])('%s answers its 4xx', async (_what, path, headers, status, code) => {
    const response = await raw(path, headers)
    expect(response.status).toBe(status)
    expect(response.body).toMatchObject({ ...errorShape, error: { code } })
  })

  it.each([
    ['without exp', { sub: '6f1c4f52-9d0e-4c8e-9b0a-0d6c2a9b7e11', exp: false }],
    ['without iat', { sub: '6f1c4f52-9d0e-4c8e-9b0a-0d6c2a9b7e11', iat: false }],
    ['whose sub is not a UUID', { sub: 'not-a-uuid' }],
    ['without sub', {}],
  ])('a correctly signed access token %s is refused with 401', async (_what, claims) => {
    const response = await t.app.inject({ url: '/api/v1/me/blocklist', headers: { authorization: `Bearer ${await signed(claims)}` } })
    expect(response.statusCode).toBe(401)
    expect(response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })
  })

  it('/ready names the failed check and the fix, never the database host or port', async () => {
    const unreachable = connectPostgres(`postgres://postgres@127.0.0.1:${await freePort()}/nowhere`)
    const app = await buildApp({ db: unreachable.db, store: memoryStore(), config: testConfig })
    const response = await app.inject('/ready')
    expect(response.statusCode).toBe(503)
    const postgres = response.json().checks.find((c: { name: string }) => c.name === 'postgres')
    expect(postgres).toEqual({ name: 'postgres', ok: false, message: 'postgres does not answer: check DATABASE_URL and that Postgres is running' })
    expect(response.body).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|:\d{4,5}/)
    await app.close()
    await unreachable.db.destroy()
  })
})
