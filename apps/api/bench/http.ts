// `npm run bench` (part 1): each hot endpoint next to its floor, measured in the same run.
// The API, the floor (support/floor.ts) and the embedded-mode API each run in a child process;
// autocannon generates the load from this process. See docs/performance.md for how to read it.
//   BENCH_SECONDS (5) per measurement, BENCH_ROUNDS (3): floor and API alternate, best round kept.
// Needs DATABASE_URL (a throwaway database is created next to it); REDIS_URL is used when set.
import { migrateToLatest } from '../src/db/migrate.ts'
import { accessTokens } from '../src/features/auth/tokens.ts'
import { createTestDatabase } from '../test/support/database.ts'
import { BENCH_JWT_SECRET, BENCH_USER_ID, seed } from './support/seed.ts'
import { load, startTarget, type Figures, type Target } from './support/targets.ts'

const DURATION = Number(process.env.BENCH_SECONDS ?? 5)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const CONNECTIONS = 20
const SIZES = { artists: Number(process.env.BENCH_ARTISTS ?? 20_000), entries: Number(process.env.BENCH_ENTRIES ?? 200) }
/** How far below its goal a ratio may fall before the run fails (shared 2-core machines are noisy). */
const TOLERANCE = 0.1

if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is required: the floor and the API are measured against real Postgres')
  process.exit(2)
}

const database = await createTestDatabase()
const targets: Target[] = []
try {
  await migrateToLatest(database.db)
  const q = await seed(database.db, SIZES)
  const env = { DATABASE_URL: database.url, BENCH_ARTISTS: String(SIZES.artists), BENCH_ENTRIES: String(SIZES.entries) }
  const [floor, api, embedded] = await Promise.all([startTarget('floor', env), startTarget('api', env), startTarget('embedded', env)])
  targets.push(floor, api, embedded)
  const token = await accessTokens(BENCH_JWT_SECRET, 3600, () => new Date()).sign(BENCH_USER_ID)
  const auth = { authorization: `Bearer ${token}` }
  const search = `q=${encodeURIComponent(q)}`
  console.log(`database: ${database.describe}; ${SIZES.artists.toLocaleString('en')} artists, ${SIZES.entries} entries; search "${q}"`)
  console.log(`${CONNECTIONS} connections, ${DURATION} s per measurement, best of ${ROUNDS} rounds; node ${process.version}\n`)

  const measure = (target: Target, path: string, headers?: Record<string, string>) => load(`${target.url}${path}`, { connections: CONNECTIONS, duration: DURATION, headers, pid: target.pid })
  const best = async (runs: (() => Promise<Figures>)[]) => {
    const results: Figures[][] = runs.map(() => [])
    for (let round = 0; round < ROUNDS; round++) for (const [i, run] of runs.entries()) results[i]!.push(await run())
    return results.map((rs) => rs.reduce((a, b) => (b.reqPerSec > a.reqPerSec ? b : a)))
  }
  // Warm up every route (JIT, pools, plans) before measuring.
  for (const [url, headers] of [[`${floor.url}/list`, auth], [`${api.url}/api/v1/me/blocklist`, auth], [`${embedded.url}/api/v1/me/blocklist`, auth], [`${floor.url}/search-bare?${search}&user=${BENCH_USER_ID}`, auth], [`${api.url}/api/v1/artists/search?${search}`, auth]] as const) {
    await load(url, { connections: CONNECTIONS, duration: 1, headers })
  }

  const comparisons = [
    { endpoint: 'GET /health', floor: 'bare route + security headers', goal: 0.85, runs: [() => measure(floor, '/bare-headers'), () => measure(api, '/health')] },
    { endpoint: 'GET /api/v1/auth/me', floor: 'user SELECT + JWT', goal: 0.85, runs: [() => measure(floor, '/me', auth), () => measure(api, '/api/v1/auth/me', auth)] },
    { endpoint: 'GET /api/v1/me/blocklist', floor: 'list SELECT + JWT', goal: 0.75, runs: [() => measure(floor, '/list', auth), () => measure(api, '/api/v1/me/blocklist', auth)] },
    { endpoint: 'GET /api/v1/artists/search', floor: "the API's search SELECT, bare", goal: 0.8, runs: [() => measure(floor, `/search-bare?${search}&user=${BENCH_USER_ID}`), () => measure(api, `/api/v1/artists/search?${search}`, auth)] },
  ]
  const rows: Record<string, Record<string, string | number>> = {}
  const row = (figures: Figures, ratio = '', goal = '') => ({ 'req/s': figures.reqPerSec, 'cpu µs/req': figures.cpuUsPerReq ?? '-', 'p50 ms': figures.p50, 'p99 ms': figures.p99, errors: figures.errors, ratio, goal })
  const verdicts: { endpoint: string; ratio: number; goal: number; floor: number; reqPerSec: number; cpu?: number }[] = []
  for (const c of comparisons) {
    const [f, a] = await best(c.runs)
    const ratio = a!.reqPerSec / f!.reqPerSec
    verdicts.push({ endpoint: c.endpoint, ratio, goal: c.goal, floor: f!.reqPerSec, reqPerSec: a!.reqPerSec, cpu: a!.cpuUsPerReq && f!.cpuUsPerReq ? a!.cpuUsPerReq / f!.cpuUsPerReq : undefined })
    rows[`floor: ${c.floor}`] = row(f!)
    rows[c.endpoint] = row(a!, ratio.toFixed(2), `≥ ${c.goal} ${ratio >= c.goal ? 'PASS' : 'BELOW'}`)
  }
  // Reference figures without a goal: /health against a route without the security headers, the
  // list floor without JWT, and the embedded mode (PGlite) against the Postgres list floor.
  const [bare, bareList, embeddedList] = await best([() => measure(floor, '/bare'), () => measure(floor, `/list-bare?user=${BENCH_USER_ID}`), () => measure(embedded, '/api/v1/me/blocklist', auth)])
  const apiOf = (endpoint: string) => verdicts.find((v) => v.endpoint === endpoint)!
  rows['floor: bare route, no headers'] = row(bare!, (apiOf('GET /health').reqPerSec / bare!.reqPerSec).toFixed(2), 'none (/health vs it)')
  rows['floor: list SELECT, no JWT'] = row(bareList!)
  rows['embedded: GET /me/blocklist'] = row(embeddedList!, (embeddedList!.reqPerSec / apiOf('GET /api/v1/me/blocklist').floor).toFixed(2), 'none (vs Postgres floor)')
  console.table(rows)

  const far = verdicts.filter((v) => v.ratio < v.goal - TOLERANCE)
  const errors = Object.values(rows).some((r) => Number(r.errors) > 0)
  for (const v of verdicts) console.log(`${v.ratio >= v.goal ? 'PASS ' : 'BELOW'} ${v.endpoint}: ${v.ratio.toFixed(2)} of its floor (goal ${v.goal})${v.cpu ? `; CPU per request ${v.cpu.toFixed(2)}× the floor's` : ''}`)
  if (errors) console.log('FAIL: some requests failed (see errors)')
  if (far.length > 0) console.log(`FAIL: more than ${TOLERANCE} below goal: ${far.map((v) => v.endpoint).join(', ')}`)
  process.exitCode = far.length > 0 || errors ? 1 : 0
} finally {
  await Promise.allSettled(targets.map((t) => t.stop()))
  await database.drop()
}
