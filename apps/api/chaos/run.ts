/**
 * `npm run chaos`: the API as a real process against a Postgres cluster and a Redis of its own, under
 * load, while (1) Redis is killed and restarted, (2) Postgres is stopped and started, (3) the API's
 * database sessions are terminated, (4) the API gets SIGTERM. Prints figures; exits 1 on any API
 * crash, lost acknowledged write, 5xx other than 503, sign-in p99 over 1 s with Redis down, or failed
 * request around SIGTERM. Bounded: at most CHAOS_TIMEOUT_S (300) seconds in all.
 */
import { randomBytes } from 'node:crypto'
import { freePort, startApi, type ApiProcess } from '../test/support/api-process.ts'
import { privateRedis } from '../test/support/redis-server.ts'
import { Recorder, type Account, type LoadContext } from './load.ts'
import { privatePostgres } from './postgres-cluster.ts'
import { killAndRestartRedis, sigtermUnderLoad, stopAndStartPostgres, terminateSessions, type Verdict } from './scenarios.ts'

const TIMEOUT_S = Number(process.env.CHAOS_TIMEOUT_S || 300)
const DATABASE = 'ndith_chaos'
const started = Date.now()
const say = (line: string) => console.log(`[chaos ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`)

const [pgPort, redisPort, apiPort] = [await freePort(), await freePort(), await freePort()]
const postgres = privatePostgres(pgPort)
const redis = privateRedis(redisPort)
let api: ApiProcess | undefined

async function cleanUp() {
  if (api && api.child.exitCode === null && !api.child.signalCode) api.child.kill('SIGKILL')
  await redis.kill()
  await postgres.destroy()
}
const watchdog = setTimeout(() => {
  say(`FAILED: still running after ${TIMEOUT_S} s`)
  void cleanUp().finally(() => process.exit(1))
}, TIMEOUT_S * 1000)

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not after ${timeoutMs / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const verdicts: Verdict[] = []
try {
  say(`private Postgres on :${pgPort} (${postgres.dir}), Redis on :${redisPort}, API on :${apiPort}`)
  await postgres.init()
  await postgres.start()
  await postgres.createDatabase(DATABASE)
  await redis.start()

  api = startApi({
    PORT: String(apiPort),
    DATABASE_URL: postgres.url(DATABASE),
    REDIS_URL: redis.url,
    JWT_SECRET: randomBytes(32).toString('hex'),
    MIGRATE_ON_START: 'true',
    LOG_LEVEL: 'warn',
    SHUTDOWN_DRAIN_MS: '5000',
    // All load comes from one address; the per-account limit stays as configured.
    RATE_LIMIT_LOGIN_PER_IP: '1000000/1m',
    RATE_LIMIT_REGISTER_PER_IP: '1000000/1m',
  })
  const base = `http://127.0.0.1:${apiPort}`
  const ready = () => fetch(`${base}/ready`).then((r) => r.status === 200)
  await waitUntil('the API is ready', ready, 120_000)
  let crashed = false
  let expectExit = false
  void api.exited.then(() => {
    if (!expectExit) {
      crashed = true
      say('the API process exited on its own')
    }
  })

  const { rows } = await postgres.query(DATABASE, "insert into artists (canonical_name) select 'Chaos Artist ' || g from generate_series(1, 20000) g returning id")
  const accounts: Account[] = []
  for (let i = 0; i < 6; i++) {
    const email = `chaos.user${i}.${Date.now()}@example.com`
    const password = 'Chaos-Password-123'
    const response = await fetch(`${base}/api/v1/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })
    if (response.status !== 201) throw new Error(`registering a chaos account answered ${response.status}`)
    accounts.push({ email, password, accessToken: ((await response.json()) as { accessToken: string }).accessToken })
  }
  const ctx: LoadContext = { base, recorder: new Recorder(), accounts, artistIds: rows.map((r: { id: string }) => r.id), acknowledged: [], routed: () => true }
  say(`ready: ${accounts.length} accounts, ${ctx.artistIds.length} artists`)

  const env = { postgres, redis, database: DATABASE, ready, waitUntil, say, api: () => api! }
  verdicts.push(await killAndRestartRedis(ctx, env))
  verdicts.push(await stopAndStartPostgres(ctx, env))
  verdicts.push(await terminateSessions(ctx, env))
  expectExit = true
  verdicts.push(await sigtermUnderLoad(ctx, env))

  // Every write the API acknowledged (201) is in the database.
  const stored = await postgres.query(DATABASE, 'select u.email, b.artist_id from user_artist_blocks b join users u on u.id = b.user_id')
  const storedPairs = new Set(stored.rows.map((r: { email: string; artist_id: string }) => `${r.email}:${r.artist_id}`))
  const lost = ctx.acknowledged.filter((w) => !storedPairs.has(`${w.email}:${w.artistId}`))
  verdicts.push({
    name: 'writes',
    figures: [`acknowledged ${ctx.acknowledged.length}, stored ${storedPairs.size}, acknowledged but lost ${lost.length}`],
    failures: lost.length > 0 ? [`${lost.length} acknowledged writes are not in the database`] : [],
  })
  const all = ctx.recorder.samples
  const unexpected = all.filter((s) => s.status >= 500 && s.status !== 503)
  const crashLines = api.output().split('\n').filter((line) => /Unhandled|uncaughtException|FATAL/i.test(line))
  verdicts.push({
    name: 'overall',
    figures: [`${all.length} requests in ${((Date.now() - started) / 1000).toFixed(0)} s`],
    failures: [
      ...(crashed ? ['the API process crashed'] : []),
      ...crashLines.slice(0, 3).map((line) => `API log: ${line.slice(0, 300)}`),
      ...(unexpected.length > 0 ? [`${unexpected.length} answers were 5xx other than 503`] : []),
    ],
  })
} catch (error) {
  verdicts.push({ name: 'setup', figures: [], failures: [`the chaos run stopped: ${(error as Error).message}`] })
  if (api) console.log(api.output().split('\n').slice(-30).join('\n'))
} finally {
  clearTimeout(watchdog)
  await cleanUp()
}

console.log('\nChaos suite')
for (const v of verdicts) {
  console.log(`  ${v.failures.length === 0 ? 'ok  ' : 'FAIL'} ${v.name}`)
  for (const f of v.figures) console.log(`         ${f}`)
  for (const f of v.failures) console.log(`       ✗ ${f}`)
}
const failed = verdicts.some((v) => v.failures.length > 0)
console.log(failed ? '\nchaos: FAILED' : `\nchaos: passed in ${((Date.now() - started) / 1000).toFixed(0)} s`)
process.exit(failed ? 1 : 0)
