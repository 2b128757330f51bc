import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createUser } from '../src/features/connections/connection-fixtures.ts'
import { createConnectionsService } from '../src/features/connections/service.ts'
import { createSpotifyAdapter } from '../src/features/connections/spotify-adapter.ts'
import { createTokenVault } from '../src/features/connections/token-vault.ts'
import { insertScan } from '../src/features/library/repository.ts'
import { KEEP_ENFORCED_QUEUE } from '../src/features/enforcement/keep-enforced.ts'
import { enforcementQueue } from '../src/features/enforcement/runs.ts'
import { scanQueue } from '../src/features/library/service.ts'
import type { WorkerReadiness } from '../src/worker-probes.ts'
import { freePort, relayedServices, startApi } from './support/api-process.ts'
import { useMigratedDatabase } from './support/database.ts'
import { startSimulator } from './support/simulator.ts'

const secret = 'worker-test-secret-0123456789-abcdefghij'
const startWorker = (env: Record<string, string>) => startApi(env, 'src/worker.ts')

describe('the worker process', () => {
  it('exits 1 naming REDIS_URL and the fix when Redis is not configured (the API runs the jobs itself then)', async () => {
    const worker = startWorker({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', JWT_SECRET: secret })
    expect(await worker.exited).toBe(1)
    expect(worker.output()).toContain('Configuration error: REDIS_URL is required by the worker process')
    expect(worker.output()).toMatch(/Fix: set REDIS_URL=redis:\/\/host:6379 .*without Redis, run the API alone \(RUN_WORKERS=true, the default\)/)
  })

  it('exits 1 naming DATABASE_URL when only Redis is configured (embedded PGlite opens in one process only)', async () => {
    const worker = startWorker({ REDIS_URL: 'redis://127.0.0.1:6379' })
    expect(await worker.exited).toBe(1)
    expect(worker.output()).toContain('Configuration error: DATABASE_URL is required by the worker process')
  })
})

// Postgres and Redis sit behind TCP relays the test cuts and restores, as in server-process.test.ts:
// the worker sees exactly what a restart of either looks like.
describe.runIf(process.env.DATABASE_URL && process.env.REDIS_URL)('the worker process against real Postgres and Redis', () => {
  const migrated = useMigratedDatabase()

  it('serves /health and /ready with the queue depths, stays up through Postgres and Redis outages, and drains on SIGTERM', async () => {
    const workerPort = await freePort()
    const relays = await relayedServices(migrated.database.url!)
    const { pgRelay, redisRelay } = relays
    await Promise.all([pgRelay.start(), redisRelay.start()])

    const worker = startWorker({
      WORKER_PORT: String(workerPort),
      DATABASE_URL: relays.databaseUrl,
      REDIS_URL: relays.redisUrl,
      JWT_SECRET: secret,
      // A provider to work a queue for; the simulator itself is not needed until a scan runs.
      SIMULATOR_URL: `http://127.0.0.1:${await freePort()}`,
      TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    })
    const base = `http://127.0.0.1:${workerPort}`
    const ready = async () => {
      const response = await fetch(`${base}/ready`)
      return { status: response.status, body: (await response.json()) as WorkerReadiness }
    }
    const readyStatus = () => ready().then((r) => r.status)
    try {
      await worker.waitFor(/worker probes listening/, 60_000)
      expect(worker.output()).toContain(`worker: working ${scanQueue('spotify_simulated')}`)
      expect((await fetch(`${base}/health`)).status).toBe(200)
      const first = await ready()
      expect(first.status).toBe(200)
      expect(first.body.checks.map((c) => [c.name, c.ok])).toEqual([['postgres', true], ['schema', true], ['redis', true], ['queues', true]])
      expect(first.body.queues).toEqual([
        { name: scanQueue('spotify_simulated'), depth: 0 },
        { name: enforcementQueue('spotify_simulated'), depth: 0 },
        { name: KEEP_ENFORCED_QUEUE, depth: 0 },
      ])
      // /metrics on the same port (loopback: no METRICS_TOKEN here): queues, pool, Redis, memory.
      const metrics = await fetch(`${base}/metrics`)
      expect(metrics.status).toBe(200)
      const text = await metrics.text()
      expect(text).toContain(`ndith_queue_depth{queue="${scanQueue('spotify_simulated')}"} 0`)
      expect(text).toMatch(/^ndith_redis_connected 1$/m)
      expect(text).toMatch(/^ndith_db_pool_total_connections \d+$/m)
      expect(text).toMatch(/^ndith_db_query_duration_seconds_count\{outcome="ok"\} [1-9]\d*$/m)
      expect(text).toMatch(/^process_resident_memory_bytes \d+/m)

      await pgRelay.stop()
      await expect.poll(readyStatus, { timeout: 15_000, interval: 250 }).toBe(503)
      expect((await fetch(`${base}/health`)).status).toBe(200)
      await pgRelay.start()
      await expect.poll(readyStatus, { timeout: 15_000, interval: 250 }).toBe(200)

      await redisRelay.stop()
      await expect.poll(readyStatus, { timeout: 15_000, interval: 250 }).toBe(503)
      const during = await ready()
      expect(during.body.checks.find((c) => c.name === 'redis')?.ok).toBe(false)
      await redisRelay.start()
      await expect.poll(readyStatus, { timeout: 20_000, interval: 250 }).toBe(200)
      expect(worker.child.exitCode).toBeNull()

      worker.child.kill('SIGTERM')
      expect(await worker.exited).toBe(0)
      expect(worker.output()).toContain('SIGTERM received: taking no new jobs')
      expect(worker.output()).toContain('"msg":"closed"')
    } finally {
      if (worker.child.exitCode === null) worker.child.kill('SIGKILL')
      await worker.exited
      await relays.stop()
    }
  }, 150_000)

  it('on SIGTERM takes no new job but lets the running scan finish and commit, then exits 0', async () => {
    // alice's library, connected through the real flow under the provider id the worker offers,
    // with tokens sealed by the key the worker is given.
    const sim = await startSimulator()
    const key = randomBytes(32)
    const ctx = { requestId: 'req-worker-test', ip: '127.0.0.1', userAgent: 'vitest' }
    const connections = createConnectionsService({
      db: migrated.database.db,
      vault: createTokenVault([{ id: 'k1', key }]),
      providers: { spotify_simulated: createSpotifyAdapter({ clientId: sim.clientId, accountsUrl: sim.accountsUrl, apiUrl: sim.apiUrl }) },
      clock: () => new Date(),
    })
    const userId = await createUser(migrated.database.db)
    const { authorizeUrl } = await connections.beginConnect(userId, { provider: 'spotify_simulated', redirectUri: 'http://127.0.0.1:3999/callback' }, ctx)
    const callback = await sim.approve(authorizeUrl, 'alice')
    const { connection } = await connections.completeConnect({ state: callback.searchParams.get('state')!, code: callback.searchParams.get('code')! }, ctx)
    // A queued scan: the worker's start-up sweep enqueues it. Slow pages keep it running for a while.
    const scan = await insertScan(migrated.database.db, connection.id)
    await sim.setFaults({ latencyMs: 100 })
    const status = async () => (await migrated.database.db.selectFrom('library_scans').select('status').where('id', '=', scan.id).executeTakeFirstOrThrow()).status

    const worker = startWorker({
      WORKER_PORT: String(await freePort()),
      DATABASE_URL: migrated.database.url!,
      REDIS_URL: process.env.REDIS_URL!,
      JWT_SECRET: secret,
      SIMULATOR_URL: sim.url,
      TOKEN_ENCRYPTION_KEYS: `k1:${key.toString('base64')}`,
    })
    try {
      await expect.poll(status, { timeout: 60_000, interval: 100 }).toBe('running')
      worker.child.kill('SIGTERM')
      expect(await worker.exited).toBe(0)
      expect(worker.output()).toContain('SIGTERM received: taking no new jobs')
      expect(await status()).toBe('completed')
    } finally {
      if (worker.child.exitCode === null) worker.child.kill('SIGKILL')
      await worker.exited
      await sim.stop()
    }
  }, 150_000)
})
