// `npm run bench` (part 2): the event loop stays free while argon2id hashes passwords.
// GET /health p99 idle vs while 20 registrations hash their passwords concurrently. The API runs
// in a child process (support/target.ts); the load comes from this one.
// Needs DATABASE_URL (a throwaway database next to it); REDIS_URL is used when set.
import { migrateToLatest } from '../src/db/migrate.ts'
import { createTestDatabase } from '../test/support/database.ts'
import { goodPassword, uniqueEmail } from '../test/support/auth.ts'
import { load, startTarget, type Figures } from './support/targets.ts'

const DURATION = Number(process.env.BENCH_SECONDS ?? 5)
const CONNECTIONS = 10

if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is required')
  process.exit(2)
}

const database = await createTestDatabase()
await migrateToLatest(database.db)
const api = await startTarget('api', { DATABASE_URL: database.url })
try {
  const register = (email = uniqueEmail('bench')) =>
    fetch(`${api.url}/api/v1/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: goodPassword }) })
  const health = () => load(`${api.url}/health`, { connections: CONNECTIONS, duration: DURATION })

  await load(`${api.url}/health`, { connections: CONNECTIONS, duration: 1 })
  const idle = await health()
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
  const busy = await health()
  hashing = false
  await Promise.all(workers)
  const row = (f: Figures) => ({ 'req/s': f.reqPerSec, 'p50 ms': f.p50, 'p99 ms': f.p99, errors: f.errors })
  console.log('\nEvent loop stays free while argon2id hashes (libuv thread pool): GET /health')
  console.table({ idle: row(idle), 'with 20 concurrent registrations': row(busy) })
  console.log(`registrations completed during the loaded run: ${registered} (${(registered / DURATION).toFixed(1)}/s)`)
} finally {
  await api.stop()
  await database.drop()
}
