import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { inProcessRunner } from '../jobs/in-process-runner.ts'
import { register } from '../../test/support/auth.ts'
import { createTestDatabase, type TestDatabase } from '../../test/support/database.ts'
import { createTestJobs, createTestStore, testConfig } from '../../test/support/test-app.ts'
import { createMetrics } from './metrics.ts'
import type { Store } from '../store/store.ts'
import { instrumentJobs } from './jobs.ts'
import { processMetrics } from './process-metrics.ts'

/** The value of one series in Prometheus text, e.g. sample(text, 'x_total{code="A"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

const token = 'metrics-token-for-the-tests-0123'

let database: TestDatabase
let store: Store
beforeAll(async () => {
  database = await createTestDatabase()
  await migrateToLatest(database.db)
  store = createTestStore()
  await store.ping()
})
afterAll(async () => {
  await store.close()
  await database.drop()
})

describe('GET /metrics: who may read it', () => {
  it('answers loopback clients in Prometheus text format when no METRICS_TOKEN is set, and refuses any other address, X-Forwarded-For notwithstanding', async () => {
    const app = await buildApp({ db: database.db, store, config: { ...testConfig, trustProxy: true } })
    const local = await app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })
    expect(local.statusCode).toBe(200)
    expect(local.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(local.body).toContain('# TYPE ndith_http_request_duration_seconds histogram')
    // What nginx in the web pod (or any other pod) looks like: another address, a forwarded loopback.
    const proxied = await app.inject({ url: '/metrics', remoteAddress: '10.244.0.7', headers: { 'x-forwarded-for': '127.0.0.1' } })
    expect(proxied.statusCode).toBe(403)
    expect(proxied.json()).toMatchObject({ error: { code: 'FORBIDDEN', message: expect.stringContaining('METRICS_TOKEN') }, requestId: expect.any(String) })
    expect(proxied.body).not.toContain('ndith_http')
    await app.close()
  })

  it('with METRICS_TOKEN set, answers only a bearer of it, from anywhere (Prometheus in the cluster, devenv top through a port-forward)', async () => {
    // No pool (as with PGlite) and the in-process store: their series are left out, not reported as 0.
    const metrics = processMetrics(token, { observeQueries: () => {} }, { kind: 'memory', status: () => 'memory' })
    const app = await buildApp({ db: database.db, store, config: testConfig, metrics })
    const without = await app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })
    expect(without.statusCode).toBe(401)
    expect(without.headers['www-authenticate']).toContain('Bearer')
    expect(without.json().error.code).toBe('UNAUTHENTICATED')
    const wrong = await app.inject({ url: '/metrics', headers: { authorization: 'Bearer not-the-token-at-all-000' } })
    expect(wrong.statusCode).toBe(401)
    const right = await app.inject({ url: '/metrics', remoteAddress: '10.244.0.9', headers: { authorization: `Bearer ${token}` } })
    expect(right.statusCode).toBe(200)
    expect(right.body).toContain('ndith_http_requests_total')
    expect(right.body).not.toMatch(/^ndith_db_pool_|^ndith_redis_/m)
    await app.close()
  })
})

describe('the metrics a running API reports', () => {
  let metrics: ReturnType<typeof processMetrics>
  let jobs: ReturnType<typeof instrumentJobs>
  let app: Awaited<ReturnType<typeof buildApp>>
  const scrape = async () => (await app.inject('/metrics')).body

  beforeAll(async () => {
    metrics = processMetrics(undefined, database, store)
    jobs = instrumentJobs(inProcessRunner(), metrics)
    app = await buildApp({ db: database.db, store, config: testConfig, jobs, metrics })
  })
  afterAll(async () => {
    await app.close()
    await jobs.close()
  })

  it('counts and times requests per route pattern (not the raw URL) and status, and counts errors by the error shape’s code', async () => {
    await register(app)
    const id = randomUUID()
    for (let i = 0; i < 2; i++) expect((await app.inject(`/api/v1/artists/${id}`)).statusCode).toBe(401)
    expect((await app.inject('/no/such/page')).statusCode).toBe(404)
    const text = await scrape()
    expect(sample(text, 'ndith_http_requests_total{method="POST",route="/api/v1/auth/register",status_code="201"}')).toBe(1)
    expect(sample(text, 'ndith_http_requests_total{method="GET",route="/api/v1/artists/:id",status_code="401"}')).toBe(2)
    expect(text).not.toContain(id)
    expect(sample(text, 'ndith_http_request_duration_seconds_count{method="GET",route="/api/v1/artists/:id",status_code="401"}')).toBe(2)
    expect(sample(text, 'ndith_http_request_duration_seconds_bucket{le="+Inf",method="POST",route="/api/v1/auth/register",status_code="201"}')).toBe(1)
    expect(sample(text, 'ndith_http_errors_total{route="/api/v1/artists/:id",code="UNAUTHENTICATED"}')).toBe(2)
    expect(sample(text, 'ndith_http_errors_total{route="unmatched",code="NOT_FOUND"}')).toBe(1)
  })

  it('leaves the health probes out of the request figures (a kubelet asks every few seconds)', async () => {
    for (const probe of ['/health', '/ready']) expect((await app.inject(probe)).statusCode).toBe(200)
    const text = await scrape()
    expect(text).not.toContain('route="/health"')
    expect(text).not.toContain('route="/ready"')
  })

  it('reports the pg pool, query durations, the Redis connection, CPU and memory', async () => {
    const text = await scrape()
    if (database.kind === 'postgres') {
      expect(sample(text, 'ndith_db_pool_total_connections')).toBeGreaterThanOrEqual(1)
      expect(sample(text, 'ndith_db_pool_idle_connections')).toBeGreaterThanOrEqual(0)
      expect(sample(text, 'ndith_db_pool_waiting_requests')).toBe(0)
    }
    expect(sample(text, 'ndith_db_query_duration_seconds_count{outcome="ok"}')).toBeGreaterThan(0)
    if (store.kind === 'redis') {
      expect(sample(text, 'ndith_redis_connected')).toBe(1)
      expect(sample(text, 'ndith_redis_status{status="ready"}')).toBe(1)
    }
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0)
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0)
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0)
  })

  it('reports each queue’s depth on scrape and counts job outcomes: completed, failed, given up', async () => {
    jobs.track(['metrics-idle'])
    jobs.work<{ fail: boolean }>('metrics-test', async ({ fail }) => {
      if (fail) throw new Error('this job fails on purpose')
    })
    await jobs.enqueue('metrics-test', 'ok-1', { fail: false })
    await jobs.enqueue('metrics-test', 'bad-1', { fail: true }, { attempts: 1 })
    await expect.poll(async () => sample(await scrape(), 'ndith_jobs_total{queue="metrics-test",outcome="gave_up"}'), { timeout: 10_000 }).toBe(1)
    const text = await scrape()
    expect(sample(text, 'ndith_jobs_total{queue="metrics-test",outcome="completed"}')).toBe(1)
    expect(sample(text, 'ndith_jobs_total{queue="metrics-test",outcome="failed"}')).toBe(1)
    expect(sample(text, 'ndith_queue_depth{queue="metrics-test"}')).toBe(0)
    expect(sample(text, 'ndith_queue_depth{queue="metrics-idle"}')).toBe(0)
  })
})

describe.runIf(process.env.REDIS_URL)('job metrics with BullMQ (the worker’s runner)', () => {
  it('reads each queue’s depth from Redis on scrape and counts completed, failed and given-up jobs', async () => {
    const metrics = createMetrics()
    const jobs = instrumentJobs(createTestJobs(), metrics)
    try {
      await jobs.enqueue('metrics-bullmq', 'waiting-1', { fail: false })
      expect(sample(await metrics.registry.metrics(), 'ndith_queue_depth{queue="metrics-bullmq"}')).toBe(1)
      jobs.work<{ fail: boolean }>('metrics-bullmq', async ({ fail }) => {
        if (fail) throw new Error('this job fails on purpose')
      })
      await jobs.enqueue('metrics-bullmq', 'bad-1', { fail: true }, { attempts: 1 })
      await expect.poll(async () => sample(await metrics.registry.metrics(), 'ndith_jobs_total{queue="metrics-bullmq",outcome="gave_up"}'), { timeout: 15_000 }).toBe(1)
      await expect.poll(async () => sample(await metrics.registry.metrics(), 'ndith_jobs_total{queue="metrics-bullmq",outcome="completed"}'), { timeout: 15_000 }).toBe(1)
      const text = await metrics.registry.metrics()
      expect(sample(text, 'ndith_jobs_total{queue="metrics-bullmq",outcome="failed"}')).toBe(1)
      expect(sample(text, 'ndith_queue_depth{queue="metrics-bullmq"}')).toBe(0)
    } finally {
      await jobs.close()
    }
  })
})

