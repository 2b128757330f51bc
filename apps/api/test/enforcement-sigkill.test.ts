import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../src/db/migrate.ts'
import { freePort, startApi, type ApiProcess } from './support/api-process.ts'
import { goodPassword, uniqueEmail } from './support/auth.ts'
import { createTestDatabase, type TestDatabase } from './support/database.ts'
import { allPages, applied, blockFrequentArtists, connectAndScan, isRemoval, stillPresent, until, type ApiCall } from './support/enforcement.ts'
import { startSimulator, type Simulator } from './support/simulator.ts'

// The worker is killed (SIGKILL, no chance to clean up) while a chunk's removal call is in flight at
// the simulator, which still applies it. The restarted process must finish the run without sending
// any removal twice: the simulator's request log is the witness.
describe.runIf(process.env.DATABASE_URL && process.env.REDIS_URL)('a run survives SIGKILL of its worker', () => {
  let database: TestDatabase
  let sim: Simulator
  let api: ApiProcess | undefined
  beforeAll(async () => {
    ;[database, sim] = await Promise.all([createTestDatabase(), startSimulator()])
    await migrateToLatest(database.db)
  }, 60_000)
  afterAll(async () => {
    api?.child.kill('SIGKILL')
    await sim?.stop()
    await database?.drop()
  })

  it('resumes after a restart with every URI removed exactly once', async () => {
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    const env = {
      PORT: String(port),
      DATABASE_URL: database.url!,
      REDIS_URL: process.env.REDIS_URL!,
      JWT_SECRET: 'sigkill-test-secret-0123456789-abcdefghij',
      TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      SIMULATOR_URL: sim.url,
      SIMULATOR_PUBLIC_URL: sim.url,
      APP_URL: base,
      LOG_LEVEL: 'warn',
    }
    const start = async () => {
      api = startApi(env)
      await until(() => fetch(`${base}/health`).then((r) => r.ok, () => false), Boolean)
    }
    await start()

    const registered = await fetch(`${base}/api/v1/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: uniqueEmail(), password: goodPassword }) })
    const token = ((await registered.json()) as { accessToken: string }).accessToken
    const call: ApiCall = async (method, url, body) => {
      const response = await fetch(`${base}/api/v1${url}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      })
      const text = await response.text()
      return { status: response.status, json: () => JSON.parse(text) }
    }
    const follow = (callback: URL) => fetch(`${base}${callback.pathname}${callback.search}`, { redirect: 'manual' })

    const connectionId = await connectAndScan(call, sim, 'alice', follow)
    await blockFrequentArtists(call, database.db, await sim.library('alice'), 3)
    const plan = (await call('POST', `/me/connections/${connectionId}/plans`, {})).json()
    const actions = await allPages<{ kind: string; uri: string; playlistId: string | null }>(call, `/me/plans/${plan.id}/actions`)
    expect(actions.length).toBeGreaterThan(40)

    await sim.clearRequests()
    await sim.setFaults({ latencyMs: 400 })
    const run = (await call('POST', `/me/plans/${plan.id}/runs`)).json()

    // Kill once a chunk is committed and the next one's call is in flight (marked attempted, not done).
    const attempted = await until(async () => {
      const items = await database.db.selectFrom('action_items').select(['status', 'attempted_at', 'container']).where('batch_id', '=', run.id).execute()
      return items.some((i) => i.status === 'done') ? items.find((i) => i.status === 'pending' && i.attempted_at !== null) : undefined
    }, Boolean)
    const inFlight = attempted!.container
    api!.child.kill('SIGKILL')
    await api!.exited
    await sim.setFaults({ latencyMs: 0 })
    const midway = await database.db.selectFrom('action_items').select(['status']).where('batch_id', '=', run.id).execute()
    expect(midway.some((i) => i.status === 'pending')).toBe(true)

    await start()
    // The killed call has been answered (or dropped) by now: the new process's worker waits for the job's lock to expire.
    const logged = (await sim.requests()).length
    const finished = await until(() => call('GET', `/me/runs/${run.id}`).then((r) => r.json()), (r) => r.status === 'completed' || r.status === 'failed')
    expect(finished).toMatchObject({ status: 'completed', progress: { done: actions.length, failed: 0, remaining: 0 } })

    // Every planned URI was removed by exactly one call that took effect; nothing was removed twice.
    const removals = (await sim.requests()).filter(isRemoval).filter(applied)
    const counts = new Map<string, number>()
    for (const r of removals) {
      const container = r.path === '/v1/me/library' ? 'library' : r.path.split('/')[3]!
      for (const uri of r.uris ?? []) counts.set(`${container} ${uri}`, (counts.get(`${container} ${uri}`) ?? 0) + 1)
    }
    const planned = actions.map((a) => `${a.playlistId ?? 'library'} ${a.uri}`)
    expect([...counts.keys()].sort()).toEqual([...new Set(planned)].sort())
    expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([])
    expect(stillPresent(await sim.library('alice'), actions)).toEqual([])

    // The resumed run first read back the interrupted chunk's container, and only then changed it.
    const resumed = (await sim.requests()).slice(logged)
    const target = inFlight === 'library' ? '/v1/me/' : `/v1/playlists/${inFlight}/items`
    const firstRead = resumed.findIndex((r) => r.method === 'GET' && r.path.startsWith(target))
    expect(firstRead).toBeGreaterThanOrEqual(0)
    expect(resumed.findIndex((r) => r.method === 'DELETE' && r.path.startsWith(inFlight === 'library' ? '/v1/me/library' : target))).not.toBeLessThan(firstRead)
  }, 240_000)
})
