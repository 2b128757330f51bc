import { verify } from '@node-rs/argon2'
import { randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadSeedData } from '../src/seed/data.ts'
import { startApi, type RunningApi } from './support/api-process.ts'
import { devenv, row } from './support/cli.ts'
import { assertRedis, createTestDatabase, freePort, query, testRedisUrl, type TestDatabase } from './support/services.ts'

/**
 * seed, reset and health against real Postgres and Redis and the real API: a database of this
 * file's own, migrated with the API's migration command, an API process serving it, and a
 * stand-in for the web server (this suite tests devenv, not the web app's build).
 */
let database: TestDatabase
let api: RunningApi
let web: Server
let webUrl: string
const data = loadSeedData()
const target = () => ['--database-url', database.url, '--redis-url', testRedisUrl, '--api-url', api.url, '--web-url', webUrl]
const count = async (table: string) => Number((await query<{ n: string }>(database.url, `select count(*) as n from ${table}`))[0]!.n)

beforeAll(async () => {
  await assertRedis()
  database = await createTestDatabase()
  const migrated = await devenv(['migrate', '--database-url', database.url])
  expect(migrated.code, migrated.stdout + migrated.stderr).toBe(0)
  api = await startApi({ DATABASE_URL: database.url, REDIS_URL: testRedisUrl })
  web = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>NDITH</title>'))
  const port = await freePort()
  await new Promise<void>((resolve) => web.listen(port, '127.0.0.1', resolve))
  webUrl = `http://127.0.0.1:${port}`
})

afterAll(async () => {
  await api?.stop()
  await new Promise((resolve) => web?.close(resolve))
  await database?.drop()
})

describe('devenv seed', () => {
  it('loads the users, the artist catalog, DNP entries, community lists and subscriptions', async () => {
    const result = await devenv(['seed', ...target()])
    expect(result.code, result.stderr).toBe(0)
    expect(row(result.stdout, 'artists')).toMatch(new RegExp(`artists\\s+${data.artists.length}\\s+0`))
    expect(await count('artists')).toBe(data.artists.length)
    expect(await count('users')).toBe(data.fixtures.users.length)
    expect(await count('user_artist_blocks')).toBe(data.fixtures.blocks.length)
    expect(await count('community_lists')).toBe(data.fixtures.lists.length)
    expect(await count('community_list_subscriptions')).toBe(data.fixtures.subscriptions.length)
    const published = await query<{ name: string; items: number; version_items: number }>(
      database.url,
      `select l.name, (select count(*) from community_list_items i where i.list_id = l.id)::int as items,
              (select item_count from community_list_versions v where v.list_id = l.id and v.version = l.current_version) as version_items
         from community_lists l order by l.name`,
    )
    for (const list of published) expect(list.items, list.name).toBe(list.version_items)
    expect(await count(`audit_log where request_id = 'devenv-seed' and action = 'auth.register'`)).toBe(data.fixtures.users.length)
  })

  it('is idempotent: a second run adds nothing and changes no row', async () => {
    const before = await query(database.url, 'select id, canonical_name, spotify_id, aliases from artists order by id')
    const result = await devenv(['seed', ...target()])
    expect(result.code, result.stderr).toBe(0)
    for (const name of ['artists', 'users', 'DNP entries', 'community lists', 'subscriptions']) expect(row(result.stdout, name)).toMatch(/\s0\s+\d+$/)
    expect(await query(database.url, 'select id, canonical_name, spotify_id, aliases from artists order by id')).toEqual(before)
    expect(await count('user_artist_blocks')).toBe(data.fixtures.blocks.length)
  })

  it('creates accounts whose documented password signs in through the real API', async () => {
    const [user] = await query<{ password_hash: string }>(database.url, `select password_hash from users where email = 'alice@example.com'`)
    expect(user!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(await verify(user!.password_hash, data.fixtures.password)).toBe(true)
    const login = await fetch(`${api.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'alice@example.com', password: data.fixtures.password }),
    })
    expect(login.status, await login.clone().text()).toBe(200)
    const { accessToken } = (await login.json()) as { accessToken: string }
    const me = await fetch(`${api.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } })
    expect(me.status).toBe(200)
  })
})

describe('devenv health', () => {
  it('passes every check (exit 0) against the running API, web server, Postgres and Redis', async () => {
    const result = await devenv(['health', ...target()])
    expect(result.code, result.stdout + result.stderr).toBe(0)
    expect(row(result.stdout, 'api /health')).toMatch(/^✓/)
    expect(row(result.stdout, 'api /ready')).toMatch(/^✓.*ready \(postgres, schema, redis\)/)
    expect(row(result.stdout, 'web /')).toMatch(/^✓.*200 text\/html/)
    expect(row(result.stdout, 'postgres ping')).toMatch(/^✓.*PostgreSQL \d+/)
    expect(row(result.stdout, 'postgres tables')).toMatch(new RegExp(`^✓.*users ${data.fixtures.users.length}, artists ${data.artists.length}, DNP entries ${data.fixtures.blocks.length}`))
    expect(row(result.stdout, 'redis ping')).toMatch(/^✓.*PONG/)
  })

  it('fails (exit 1) naming Redis when Redis does not answer, while the other checks still pass', async () => {
    const dead = `redis://127.0.0.1:${await freePort()}`
    const result = await devenv(['health', ...target(), '--redis-url', dead])
    expect(result.code).toBe(1)
    expect(row(result.stdout, 'redis ping')).toMatch(/^✗/)
    expect(row(result.stdout, 'api /ready')).toMatch(/^✓/)
    expect(result.stdout).toContain('1 check(s) failed.')
  })

  it('checks the Spotify simulator: ok when it answers, only a warning on the npm start stack when it does not, a failure on Tilt', async () => {
    const sim = createServer((req, res) => (req.url === '/health' ? res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}') : res.writeHead(404).end()))
    const port = await freePort()
    await new Promise<void>((resolve) => sim.listen(port, '127.0.0.1', resolve))
    try {
      const up = await devenv(['health', ...target(), '--simulator-url', `http://127.0.0.1:${port}`])
      expect(up.code, up.stdout).toBe(0)
      expect(row(up.stdout, 'simulator /health')).toMatch(new RegExp(`^✓.*200 at http://127.0.0.1:${port}`))
    } finally {
      await new Promise((resolve) => sim.close(resolve))
    }
    const down = await devenv(['health', ...target(), '--simulator-url', `http://127.0.0.1:${port}`])
    expect(down.code, down.stdout).toBe(0)
    expect(row(down.stdout, 'simulator /health')).toMatch(/^!.*no answer.*npm start` starts it/)
    const tilt = await devenv(['health', '--stack', 'tilt', ...target(), '--simulator-url', `http://127.0.0.1:${port}`, '--json'])
    const report = JSON.parse(tilt.stdout) as { checks: { name: string; status: string; detail: string }[] }
    expect(report.checks.find((c) => c.name === 'simulator /health')).toMatchObject({ status: 'fail', detail: expect.stringContaining('provider-sim resource') })
  })

  it('checks the worker: its /ready and each queue’s depth when it answers; skipped on the npm start stack without one (the API runs the jobs), a failure on Tilt', async () => {
    const absent = `http://127.0.0.1:${await freePort()}`
    const none = await devenv(['health', ...target(), '--worker-url', absent])
    expect(none.code, none.stdout).toBe(0)
    expect(row(none.stdout, 'worker /ready')).toMatch(/^-.*no worker process.*the API runs the jobs itself/)
    const tilt = await devenv(['health', '--stack', 'tilt', ...target(), '--worker-url', absent, '--json'])
    const report = JSON.parse(tilt.stdout) as { checks: { name: string; status: string; detail: string }[] }
    expect(report.checks.find((c) => c.name === 'worker /ready')).toMatchObject({ status: 'fail', detail: expect.stringContaining('worker resource') })

    // A provider to work a queue for (the simulator is only called when a scan runs).
    const worker = await startApi(
      { DATABASE_URL: database.url, REDIS_URL: testRedisUrl, SIMULATOR_URL: absent, TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}` },
      { worker: true },
    )
    try {
      const up = await devenv(['health', ...target(), '--worker-url', worker.url])
      expect(up.code, up.stdout).toBe(0)
      expect(row(up.stdout, 'worker /ready')).toMatch(/^✓.*ready \(postgres, schema, redis, queues\)/)
      expect(row(up.stdout, 'queue depth')).toMatch(/^✓.*library-scan-spotify_simulated 0, enforcement-spotify_simulated 0, keep-enforced 0 \(jobs waiting or running\)/)
    } finally {
      await worker.stop()
    }
  })

  it('fails naming the API when nothing answers there', async () => {
    const result = await devenv(['health', ...target(), '--api-url', `http://127.0.0.1:${await freePort()}`, '--json'])
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as { ok: boolean; checks: { name: string; status: string; detail: string }[] }
    expect(report.ok).toBe(false)
    expect(report.checks.find((c) => c.name === 'api /health')).toMatchObject({ status: 'fail', detail: expect.stringContaining('ECONNREFUSED') })
  })
})

describe('devenv reset', () => {
  it('refuses to run without --yes when nobody can confirm', async () => {
    const result = await devenv(['reset', ...target()])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('pass --yes to confirm')
    expect(await count('users')).toBe(data.fixtures.users.length)
  })

  it('refuses a database that is not on this machine', async () => {
    const result = await devenv(['reset', '--yes', '--database-url', 'postgres://ndith@db.example.com:5432/ndith'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('refusing to reset db.example.com')
  })

  it("ends other sessions, empties the schema and re-runs every migration; the API recovers on its own", async () => {
    // A session of our own that is open during the reset (the API's pool may be idle and closed).
    const other = new pg.Client({ connectionString: database.url })
    other.on('error', () => {})
    await other.connect()
    const result = await devenv(['reset', '--yes', ...target()])
    expect(result.code, result.stdout + result.stderr).toBe(0)
    expect(result.stdout).toMatch(/ended [1-9]\d* other session\(s\)/)
    await expect(other.query('select 1')).rejects.toThrow()
    await other.end().catch(() => {})
    expect(result.stdout).toContain('Done: schema is at')
    expect(await count('users')).toBe(0)
    expect(await count('artists')).toBe(0)
    const ready = await fetch(`${api.url}/ready`)
    expect(ready.status, await ready.clone().text()).toBe(200)
    const health = await devenv(['health', ...target()])
    expect(row(health.stdout, 'postgres tables')).toContain('users 0, artists 0, DNP entries 0')
  })

  it('with --seed loads the development data again', async () => {
    const result = await devenv(['reset', '--yes', '--seed', ...target()])
    expect(result.code, result.stderr).toBe(0)
    expect(await count('users')).toBe(data.fixtures.users.length)
    expect(await count('artists')).toBe(data.artists.length)
  })
})
