import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { goodPassword, uniqueEmail } from './support/auth.ts'
import { freePort, relayedServices, startApi } from './support/api-process.ts'
import { useMigratedDatabase } from './support/database.ts'
import { connect, send } from './support/raw-http.ts'

const secret = 'process-test-secret-0123456789-abcdefghij'
const embeddedEnv = () => ({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ndith-api-')) })

describe('the API process', () => {
  it('exits 1 naming the variable and the fix when configuration is invalid', async () => {
    const api = startApi({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db' })
    expect(await api.exited).toBe(1)
    expect(api.output()).toContain('Configuration error: JWT_SECRET is required when DATABASE_URL is set. Fix:')
  })

  it('on SIGTERM finishes the in-flight request, closes the pools and exits 0', async () => {
    const port = await freePort()
    // At debug the API logs each request's arrival ("incoming request"), so the test knows it is in flight.
    const api = startApi({ ...embeddedEnv(), PORT: String(port), LOG_LEVEL: 'debug', SHUTDOWN_DRAIN_MS: '200' })
    await api.waitFor(/Server listening/, 60_000)

    const inFlight = fetch(`http://127.0.0.1:${port}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: uniqueEmail(), password: goodPassword }),
    })
    await api.waitFor(/incoming request/)
    api.child.kill('SIGTERM')

    expect((await inFlight).status).toBe(201)
    expect(await api.exited).toBe(0)
    expect(api.output()).toContain('SIGTERM received')
    expect(api.output()).toContain('"msg":"closed"')
  }, 90_000)
})

describe.runIf(process.env.DATABASE_URL)('the API process draining on SIGTERM', () => {
  const migrated = useMigratedDatabase()

  it('answers all 50 requests sent on connections opened just before SIGTERM, /ready 503 meanwhile, then exits 0', async () => {
    const port = await freePort()
    const api = startApi({ PORT: String(port), DATABASE_URL: migrated.database.url!, JWT_SECRET: secret, SHUTDOWN_DRAIN_MS: '3000', RATE_LIMIT_LOGIN_PER_IP: '1000/1m' })
    await api.waitFor(/Server listening/, 60_000)

    const sockets = await Promise.all(Array.from({ length: 50 }, () => connect(port)))
    await new Promise((resolve) => setTimeout(resolve, 80))
    api.child.kill('SIGTERM')
    await api.waitFor(/SIGTERM received/)
    // Requests that reach the process after the signal: a load balancer still routing here.
    const answered = Promise.all(sockets.map((socket) => send(socket, 'POST', '/api/v1/auth/login', { email: uniqueEmail(), password: goodPassword })))
    const ready = await fetch(`http://127.0.0.1:${port}/ready`)
    const statuses = await answered

    expect(statuses.filter((s) => s !== 401), `statuses: ${statuses.join(',')}`).toEqual([])
    expect(ready.status).toBe(503)
    expect(((await ready.json()) as { checks: { name: string }[] }).checks.map((c) => c.name)).toEqual(['shutdown'])
    expect(await api.exited).toBe(0)
    expect(api.output()).toContain('"msg":"closed"')
  }, 90_000)
})

// Restarting the machine's Postgres and Redis would disturb everything else, so each runs behind
// a TCP relay the test can cut and restore: the API sees exactly what a restart looks like.
describe.runIf(process.env.DATABASE_URL && process.env.REDIS_URL)('the API process against real Postgres and Redis', () => {
  const migrated = useMigratedDatabase()

  it('retries Postgres at start-up, then serves again after Postgres and Redis restart', async () => {
    const apiPort = await freePort()
    const relays = await relayedServices(migrated.database.url!)
    const { pgRelay, redisRelay } = relays

    const api = startApi({ PORT: String(apiPort), DATABASE_URL: relays.databaseUrl, REDIS_URL: relays.redisUrl, JWT_SECRET: secret })
    const ready = () => fetch(`http://127.0.0.1:${apiPort}/ready`).then((r) => r.status)
    try {
      await api.waitFor(/postgres not reachable yet; retrying/)
      await pgRelay.start()
      await api.waitFor(/redis not reachable yet; retrying/)
      await redisRelay.start()
      await api.waitFor(/Server listening/, 30_000)
      expect(await ready()).toBe(200)

      await pgRelay.stop()
      expect(await ready()).toBe(503)
      // A request that needs the database while it is away: a retryable 503, not a 500.
      const email = uniqueEmail()
      const auth = (path: string) =>
        fetch(`http://127.0.0.1:${apiPort}/api/v1/auth/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: goodPassword }) })
      const login = await auth('login')
      expect(login.status).toBe(503)
      expect(login.headers.get('retry-after')).toMatch(/^\d+$/)
      expect(((await login.json()) as { error: { code: string } }).error.code).toBe('SERVICE_UNAVAILABLE')
      // More tries than the per-account limit (10) while the database is away: none counts as a guess.
      for (let i = 0; i < 11; i++) expect((await auth('login')).status).toBe(503)
      await pgRelay.start()
      await expect.poll(ready, { timeout: 15_000, interval: 250 }).toBe(200)
      expect((await auth('register')).status).toBe(201)
      expect((await auth('login')).status).toBe(200)

      await redisRelay.stop()
      await expect.poll(ready, { timeout: 10_000, interval: 250 }).toBe(503)
      await redisRelay.start()
      await expect.poll(ready, { timeout: 15_000, interval: 250 }).toBe(200)
    } finally {
      api.child.kill('SIGTERM')
      await api.exited
      await relays.stop()
    }
  }, 120_000)
})
