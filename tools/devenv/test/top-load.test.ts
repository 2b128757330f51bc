import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseExposition } from '../src/top/exposition.ts'
import { buckets, quantile } from '../src/top/histogram.ts'
import { startApi, type RunningApi } from './support/api-process.ts'
import { devenv, row } from './support/cli.ts'
import { assertRedis, createTestDatabase, testRedisUrl, type TestDatabase } from './support/services.ts'

describe('reading Prometheus metrics (devenv top)', () => {
  it('parses the text format, escaped label values included', () => {
    const samples = parseExposition('# HELP x_total help\n# TYPE x_total counter\nx_total{route="/a/:id",msg="say \\"hi\\""} 3\nup 1\n')
    expect(samples).toEqual([
      { name: 'x_total', labels: { route: '/a/:id', msg: 'say "hi"' }, value: 3 },
      { name: 'up', labels: {}, value: 1 },
    ])
  })

  it('reads p50 and p99 from histogram buckets as Prometheus’ histogram_quantile does, summing series', () => {
    const text = ['0.1 30', '0.5 60', '1 70', '+Inf 70'].map((b) => `h_bucket{le="${b.split(' ')[0]}",status_code="200"} ${b.split(' ')[1]}`)
      .concat(['0.1 20', '0.5 30', '1 30', '+Inf 30'].map((b) => `h_bucket{le="${b.split(' ')[0]}",status_code="429"} ${b.split(' ')[1]}`))
      .join('\n')
    const all = buckets(parseExposition(text), 'h')
    expect([...all]).toEqual([[0.1, 50], [0.5, 90], [1, 100], [Infinity, 100]])
    expect(quantile(all, 0.5)).toBeCloseTo(0.1)
    expect(quantile(all, 0.99)).toBeCloseTo(0.95)
    expect(quantile(buckets(parseExposition(text), 'h', (l) => l.status_code === '429'), 0.5)).toBeCloseTo(0.075)
    expect(quantile(new Map([[1, 0], [Infinity, 0]]), 0.5)).toBeUndefined()
  })
})

/**
 * devenv top and devenv load-test against the real API and worker processes, with a METRICS_TOKEN
 * as on the Tilt stack, on a database of this file's own and Redis database 12 (whose rate-limit
 * counters this file resets: the registration limit here is 3 per 10 minutes, so that the load
 * meets it).
 */
let database: TestDatabase
let api: RunningApi
let worker: RunningApi
const token = randomBytes(24).toString('hex')
const redisUrl = Object.assign(new URL(testRedisUrl), { pathname: '/12' }).toString()
const stack = () => ['--api-url', api.url, '--worker-url', worker.url]

beforeAll(async () => {
  await assertRedis()
  database = await createTestDatabase()
  const migrated = await devenv(['migrate', '--database-url', database.url])
  expect(migrated.code, migrated.stdout + migrated.stderr).toBe(0)
  const redis = new Redis(redisUrl)
  const keys = await redis.keys('ndith:rl:*')
  if (keys.length) await redis.del(...keys)
  redis.disconnect()
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    METRICS_TOKEN: token,
    RATE_LIMIT_REGISTER_PER_IP: '3/10m',
    JOBS_PREFIX: `devenv-top-${randomBytes(4).toString('hex')}`,
    // A provider, so that the job queues exist (no simulator needs to run: no job is started).
    SIMULATOR_URL: 'http://127.0.0.1:9',
    TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  }
  ;[api, worker] = await Promise.all([startApi({ ...env, RUN_WORKERS: 'false' }), startApi(env, { worker: true })])
})

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()])
  await database?.drop()
})

describe('devenv top --once against a real API and worker', () => {
  it('shows per route the requests, p50/p99 and statuses, errors by code, the pool, Redis, the queues and memory of both processes', async () => {
    for (let i = 0; i < 3; i++) expect((await fetch(`${api.url}/api/v1/artists/search?q=drake`)).status).toBe(401)
    const result = await devenv(['top', '--once', ...stack(), '--metrics-token', token])
    expect(result.code, result.stdout + result.stderr).toBe(0)
    expect(row(result.stdout, 'GET /api/v1/artists/search')).toMatch(/^GET \/api\/v1\/artists\/search\s+[\d.]+\s+3\s+[\d.]+ ms\s+[\d.]+ ms\s+401×3$/)
    expect(result.stdout).toContain('errors    UNAUTHENTICATED 3')
    expect(result.stdout).toMatch(/^database {2}pool \d+ total, \d+ idle, 0 waiting · queries [\d.]+\/s, p50 /m)
    expect(result.stdout.match(/^redis {5}ready \(connected\)$/gm)).toHaveLength(2)
    expect(result.stdout).toMatch(/^queues {4}enforcement-spotify_simulated 0 · keep-enforced 0 · library-scan-spotify_simulated 0$/m)
    expect(result.stdout).toMatch(new RegExp(`^API  ${api.url}/metrics  up \\d+.* · memory \\d+ MB`, 'm'))
    expect(result.stdout).toMatch(new RegExp(`^worker  ${worker.url}/metrics  up \\d+.* · memory \\d+ MB`, 'm'))
  })

  it('says what is missing when the METRICS_TOKEN is not given, and exits 1', async () => {
    const result = await devenv(['top', '--once', ...stack()], { ...process.env, METRICS_TOKEN: '' })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(`API  ${api.url}/metrics wants the METRICS_TOKEN`)
    expect(result.stdout).toContain('fix: pass --metrics-token')
  })
})

describe('devenv load-test against a real API', () => {
  it('loads registrations, list reads and searches at once, reports each endpoint’s statuses with req/s and p50/p99, 429s as the rate limit, then the metrics', async () => {
    const result = await devenv(['load-test', '--duration', '2', '--connections', '2', ...stack(), '--metrics-token', token])
    expect(result.code, result.stdout + result.stderr).toBe(0)
    const endpoint = (name: string, status: number) => expect(result.stdout).toMatch(new RegExp(`^${name.replace(/[()/]/g, '\\$&')}\\s+${status}\\s+[1-9]\\d*\\s+[\\d.]+\\s+\\d+ ms\\s+\\d+ ms`, 'm'))
    endpoint('GET /me/blocklist (My list)', 200)
    endpoint('GET /community-lists', 200)
    endpoint('GET /artists/search', 200)
    // The account's own registration took one of the 3; the load gets the other two, then 429s.
    endpoint('POST /auth/register (argon2 hashing)', 201)
    endpoint('POST /auth/register (argon2 hashing)', 429)
    expect(row(result.stdout, 'POST /auth/register (argon2 hashing)  429')).toContain('rate limited (RATE_LIMITED): the limit, not a fault')
    expect(result.stdout).toMatch(/^\d+ request\(s\) answered 429 RATE_LIMITED/m)
    expect(result.stdout).toContain('No errors.')
    const metrics = result.stdout.slice(result.stdout.indexOf("The API's and the worker's metrics after the run"))
    // The API counted the account's registration too: 3 in all, the limit.
    expect(metrics).toMatch(/^POST \/api\/v1\/auth\/register\s+.*201×3 429×\d+$/m)
    expect(metrics).toMatch(/^errors {4}RATE_LIMITED \d+/m)
    expect(metrics).toMatch(/^database {2}pool \d+ total, \d+ idle, \d+ waiting/m)
    expect(metrics).toContain('redis     ready (connected)')
  })
})
