import { Redis } from 'ioredis'
import { requiredTables } from '@ndith/migrations'
import { openDatabase } from '../db/client.ts'
import { reason } from '../lib/errors.ts'
import type { Status } from '../lib/output.ts'
import type { Target } from '../stack/target.ts'

export interface CheckResult {
  name: string
  status: Status
  detail: string
}

const timeoutMs = 3000

async function get(url: string): Promise<{ status: number; type: string; body: string } | { error: string }> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' })
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() }
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code
    return { error: cause ?? reason(error) }
  }
}

const notRunning = (target: Target, what: string) =>
  target.stack === 'tilt' ? `is the ${what} resource up in Tilt, with this --offset/--namespace?` : `is \`npm start\` running?`

async function apiHealth(target: Target): Promise<CheckResult> {
  const name = 'api /health'
  const r = await get(`${target.apiUrl}/health`)
  if ('error' in r) return { name, status: 'fail', detail: `no answer at ${target.apiUrl} (${r.error}): ${notRunning(target, 'api')}` }
  return r.status === 200 ? { name, status: 'ok', detail: `200 at ${target.apiUrl}` } : { name, status: 'fail', detail: `${r.status}: ${r.body.slice(0, 200)}` }
}

async function apiReady(target: Target): Promise<CheckResult> {
  const name = 'api /ready'
  const r = await get(`${target.apiUrl}/ready`)
  if ('error' in r) return { name, status: 'fail', detail: `no answer (${r.error})` }
  let checks: { name: string; ok: boolean; message?: string }[] = []
  try {
    checks = (JSON.parse(r.body) as { checks?: typeof checks }).checks ?? []
  } catch {
    // not JSON: reported below with the status
  }
  if (r.status === 200) return { name, status: 'ok', detail: `ready (${checks.map((c) => c.name).join(', ')})` }
  const failing = checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.message ?? 'failing'}`)
  return { name, status: 'fail', detail: `${r.status}: ${failing.join('; ') || r.body.slice(0, 200)}` }
}

async function web(target: Target): Promise<CheckResult[]> {
  const results: CheckResult[] = []
  const page = await get(`${target.webUrl}/`)
  if ('error' in page) results.push({ name: 'web /', status: 'fail', detail: `no answer at ${target.webUrl} (${page.error}): ${notRunning(target, 'web')}` })
  else if (page.status === 200 && page.type.includes('text/html')) results.push({ name: 'web /', status: 'ok', detail: `200 text/html at ${target.webUrl}` })
  else results.push({ name: 'web /', status: 'fail', detail: `${page.status} ${page.type || 'no content type'} (expected 200 text/html)` })
  if (target.webHasHealthz) {
    const healthz = await get(`${target.webUrl}/healthz`)
    if ('error' in healthz) results.push({ name: 'web /healthz', status: 'fail', detail: `no answer (${healthz.error})` })
    else results.push({ name: 'web /healthz', status: healthz.status === 200 ? 'ok' : 'fail', detail: `${healthz.status}` })
  }
  return results
}

async function postgres(target: Target): Promise<CheckResult[]> {
  if (target.database.kind === 'pglite') {
    const detail = `embedded PGlite in ${target.database.dataDir}, opened by the API process (see api /ready)`
    return [
      { name: 'postgres ping', status: 'skip', detail },
      { name: 'postgres tables', status: 'skip', detail },
    ]
  }
  let db
  try {
    db = await openDatabase(target.database)
  } catch (error) {
    return [
      { name: 'postgres ping', status: 'fail', detail: reason(error) },
      { name: 'postgres tables', status: 'fail', detail: 'not checked: Postgres is unreachable' },
    ]
  }
  try {
    const version = await db.query<{ v: string }>(`select current_setting('server_version') as v`)
    const ping: CheckResult = { name: 'postgres ping', status: 'ok', detail: `PostgreSQL ${version.rows[0]!.v} at ${db.describe}` }
    const present = await db.query<{ t: string }>(
      `select table_name as t from information_schema.tables where table_schema = current_schema() and table_name = any($1::text[])`,
      [[...requiredTables]],
    )
    const have = new Set(present.rows.map((r) => r.t))
    const missing = requiredTables.filter((t) => !have.has(t))
    if (missing.length) {
      return [ping, { name: 'postgres tables', status: 'fail', detail: `missing: ${missing.join(', ')}; run the migrations (devenv migrate)` }]
    }
    // The design document's schema check: every core table answers a count.
    const counts = await db.query<{ users: number; artists: number; blocks: number }>(
      `select (select count(*) from users)::int as users, (select count(*) from artists)::int as artists,
              (select count(*) from user_artist_blocks)::int as blocks`,
    )
    const c = counts.rows[0]!
    return [ping, { name: 'postgres tables', status: 'ok', detail: `all ${requiredTables.length} present; users ${c.users}, artists ${c.artists}, DNP entries ${c.blocks}` }]
  } finally {
    await db.close()
  }
}

async function redis(target: Target): Promise<CheckResult> {
  const name = 'redis ping'
  if (!target.redisUrl) return { name, status: 'skip', detail: 'REDIS_URL unset: the API uses its in-process store' }
  const client = new Redis(target.redisUrl, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null })
  client.on('error', () => {})
  try {
    await client.connect()
    const answer = await client.ping()
    return { name, status: answer === 'PONG' ? 'ok' : 'fail', detail: `${answer} from ${new URL(target.redisUrl).host}` }
  } catch (error) {
    return { name, status: 'fail', detail: `${reason(error)} at ${new URL(target.redisUrl).host}` }
  } finally {
    client.disconnect()
  }
}

async function simulator(target: Target): Promise<CheckResult> {
  const name = 'simulator /health'
  const { url, required } = target.simulator
  const r = await get(`${url}/health`)
  const missing: CheckResult['status'] = required ? 'fail' : 'warn'
  if ('error' in r) {
    const hint = required ? notRunning(target, 'provider-sim') : 'not running: `npm start` starts it; without it the API offers no "Spotify (simulated)"'
    return { name, status: missing, detail: `no answer at ${url} (${r.error}): ${hint}` }
  }
  return r.status === 200 && r.body.includes('"ok"') ? { name, status: 'ok', detail: `200 at ${url}` } : { name, status: missing, detail: `${r.status} at ${url}: ${r.body.slice(0, 120)}` }
}

interface WorkerReadiness {
  status?: string
  checks?: { name: string; ok: boolean; message?: string }[]
  queues?: { name: string; depth: number | null }[]
}

/** The worker's /ready (Postgres, schema, Redis) and the depth of each queue it works. */
async function worker(target: Target): Promise<CheckResult[]> {
  const { url, required } = target.worker
  const r = await get(`${url}/ready`)
  if ('error' in r) {
    if (!required) {
      const detail = `no worker process at ${url}: the API runs the jobs itself (RUN_WORKERS, default true)`
      return [{ name: 'worker /ready', status: 'skip', detail }, { name: 'queue depth', status: 'skip', detail: 'see worker /ready' }]
    }
    return [
      { name: 'worker /ready', status: 'fail', detail: `no answer at ${url} (${r.error}): ${notRunning(target, 'worker')}` },
      { name: 'queue depth', status: 'fail', detail: 'not checked: the worker does not answer' },
    ]
  }
  let body: WorkerReadiness = {}
  try {
    body = JSON.parse(r.body) as WorkerReadiness
  } catch {
    // not JSON: reported below with the status
  }
  const checks = body.checks ?? []
  const ready: CheckResult = r.status === 200
    ? { name: 'worker /ready', status: 'ok', detail: `ready (${checks.map((c) => c.name).join(', ')}) at ${url}` }
    : { name: 'worker /ready', status: 'fail', detail: `${r.status}: ${checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.message ?? 'failing'}`).join('; ') || r.body.slice(0, 200)}` }
  const queues = body.queues ?? []
  const unknown = queues.filter((q) => q.depth === null)
  const depths = queues.map((q) => `${q.name} ${q.depth ?? 'unknown'}`).join(', ')
  const depth: CheckResult = !body.queues
    ? { name: 'queue depth', status: 'fail', detail: 'the worker did not report its queues' }
    : queues.length === 0
      ? { name: 'queue depth', status: 'warn', detail: checks.find((c) => c.name === 'queues')?.message ?? 'the worker works no queue' }
      : { name: 'queue depth', status: unknown.length ? 'fail' : 'ok', detail: `${depths} (jobs waiting or running)` }
  return [ready, depth]
}

/** The design document's health checks, all at once, the Spotify simulator's and the worker's. */
export async function healthChecks(target: Target): Promise<CheckResult[]> {
  const [health, ready, webResults, pg, redisResult, sim, workerResults] = await Promise.all([apiHealth(target), apiReady(target), web(target), postgres(target), redis(target), simulator(target), worker(target)])
  return [health, ready, ...webResults, ...pg, redisResult, sim, ...workerResults]
}
