// `npm run bench` (part 1): HTTP figures for the auth stack, each next to a baseline measured in the same run.
//   1. GET /api/v1/auth/me with a valid token vs a bare Fastify route (same machine, same settings)
//   2. GET /health p99 idle vs while 20 registrations hash their passwords concurrently
// Uses real Postgres/Redis when DATABASE_URL/REDIS_URL are set (a throwaway database), else the embedded defaults.
import autocannon from 'autocannon'
import Fastify from 'fastify'
import type { AddressInfo } from 'node:net'
import { buildApp } from '../src/app.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { createTestDatabase } from '../test/support/database.ts'
import { createTestStore, testConfig } from '../test/support/test-app.ts'
import { goodPassword, uniqueEmail } from '../test/support/auth.ts'

const DURATION = Number(process.env.BENCH_SECONDS ?? 8)
const CONNECTIONS = 10

interface Figures {
  label: string
  reqPerSec: number
  p50: number
  p99: number
  errors: number
}

async function load(label: string, url: string, headers: Record<string, string> = {}, duration = DURATION): Promise<Figures> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, headers })
  return {
    label,
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  }
}

const print = (title: string, rows: Figures[]) => {
  console.log(`\n${title}`)
  console.table(Object.fromEntries(rows.map((r) => [r.label, { 'req/s': r.reqPerSec, 'p50 ms': r.p50, 'p99 ms': r.p99, errors: r.errors }])))
}

const database = await createTestDatabase()
await migrateToLatest(database.db)
const store = createTestStore()
const app = await buildApp({ db: database.db, store, config: testConfig })
const bare = Fastify()
bare.get('/bare', async () => ({ status: 'ok' }))

try {
  const base = `http://127.0.0.1:${((await app.listen({ port: 0, host: '127.0.0.1' })) && (app.server.address() as AddressInfo).port)}`
  await bare.listen({ port: 0, host: '127.0.0.1' })
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/bare`
  console.log(`database: ${database.describe}; store: ${store.describe}; ${CONNECTIONS} connections, ${DURATION}s per run; node ${process.version}`)

  const register = (email = uniqueEmail('bench')) =>
    fetch(`${base}/api/v1/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: goodPassword }) })
  const { accessToken } = (await (await register()).json()) as { accessToken: string }

  await load('warm-up', `${base}/api/v1/auth/me`, { authorization: `Bearer ${accessToken}` }, 2)
  print('1. Authenticated request vs bare route', [
    await load('bare Fastify route', bareUrl),
    await load('GET /api/v1/auth/me', `${base}/api/v1/auth/me`, { authorization: `Bearer ${accessToken}` }),
  ])

  const idle = await load('/health idle', `${base}/health`)
  // Keep 20 registrations in flight for the whole measurement: each finished one is replaced.
  let hashing = true
  let registered = 0
  const worker = async () => {
    while (hashing) {
      const response = await register()
      if (response.status === 201) registered++
    }
  }
  const workers = Array.from({ length: 20 }, worker)
  const busy = await load('/health with 20 concurrent registrations', `${base}/health`)
  hashing = false
  await Promise.all(workers)
  print('2. Event loop stays free while argon2id hashes (libuv thread pool)', [idle, busy])
  console.log(`registrations completed during the loaded run: ${registered} (${(registered / DURATION).toFixed(1)}/s)`)
} finally {
  await Promise.allSettled([app.close(), bare.close()])
  await store.close()
  await database.drop()
}
