import { randomBytes } from 'node:crypto'
import { createConnection } from 'node:net'
import pg from 'pg'
import { healthChecks } from '../health/checks.ts'
import { renderObjects, type Overlay } from '../k8s/render.ts'
import { DevenvError, reason } from '../lib/errors.ts'
import type { Status } from '../lib/output.ts'
import { isPortBusy } from '../ports/probe.ts'
import { databaseUrl, generateSecrets } from '../stack/secrets.ts'
import { docker, PodRunner, probe } from './docker.ts'
import { LIVE_SYNCS, syncEdit } from './live-update.ts'
import { serviceNames, workloadSpecs, type ContainerSpec, type WorkloadSpec } from './pod-specs.ts'

/** The images the Tiltfile builds; containers of any other image (postgres, redis) are stood in for. */
export const BUILT_IMAGES = ['ndith-api', 'ndith-web']
/**
 * Tilt's start-up order (resource_deps: the api waits for migrate and provider-sim, the worker for
 * migrate and redis, beside the api), then the seed Job its trigger creates.
 */
export const START_ORDER = ['Job/migrate', 'Deployment/provider-sim', 'Deployment/api', 'Deployment/worker', 'Deployment/web', 'Job/seed']

/** The ports the served containers listen on (host network): api, worker probes, simulator, web. */
const SERVED_PORTS = [3000, 3001, 4000, 5000]

export interface RehearsalOptions {
  /** dev: what Tilt deploys (the API under `tsx watch`, live update rehearsed too); base: plain. */
  overlay: Overlay
  /** The tag the images were built with (`npm run images` builds :dev). */
  tag: string
  /** A superuser connection to this machine's Postgres, which stands in for the StatefulSet. */
  pgAdminUrl: string
  redisUrl: string
  /** Leave the containers, database and role in place for a look afterwards. */
  keep: boolean
  onResult: (result: StepResult) => void
}

export interface StepResult {
  step: string
  status: Status
  detail: string
}

const imageName = (image: string) => image.split(':')[0]!
const isBuilt = (image: string) => BUILT_IMAGES.includes(imageName(image))

function tcpReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) }, () => (socket.end(), resolve(true)))
    socket.setTimeout(3000, () => (socket.destroy(), resolve(false)))
    socket.on('error', () => resolve(false))
  })
}

/** The Postgres the StatefulSet would have initialised: its user (a superuser, as in the postgres image) and database. */
async function standInPostgres(adminUrl: string, user: string, password: string) {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 })
  try {
    await admin.connect()
  } catch (error) {
    throw new DevenvError(`cannot reach Postgres at ${new URL(adminUrl).host} (${reason(error)})`, 'start Postgres on this machine, or pass --pg-admin-url')
  }
  const literal = (text: string) => `'${text.replace(/'/g, "''")}'`
  await admin.query(`CREATE ROLE "${user}" SUPERUSER LOGIN PASSWORD ${literal(password)}`)
  await admin.query(`CREATE DATABASE "${user}" OWNER "${user}"`)
  return {
    async done(keep: boolean) {
      if (!keep) {
        await admin.query(`DROP DATABASE IF EXISTS "${user}" WITH (FORCE)`)
        await admin.query(`DROP ROLE IF EXISTS "${user}"`)
      }
      await admin.end()
    },
  }
}

/** How many times a process announced it was up: the API (Fastify) or the worker (its probes). */
const starts = (logs: string, banner: string) => logs.split(banner).length - 1
const BANNERS = { api: 'Server listening at', worker: 'worker probes listening at' }

/**
 * Runs the manifests' own containers with docker, in Tilt's order, without a cluster: the
 * migrate Job, the provider-sim Deployment (its probes, then its users and consent page), the api
 * Deployment (its init container, then its startup, readiness and liveness probes, and its way to
 * the simulator), the worker Deployment (the same, on its probe port), the web Deployment and the
 * seed Job, then the health checks (the worker's readiness and queue depths among them). What differs from a cluster:
 * this machine's Postgres and Redis stand in for the postgres StatefulSet and the redis Deployment,
 * Service names resolve to 127.0.0.1 (host network), and the database gets a unique name.
 */
export async function rehearse(options: RehearsalOptions): Promise<StepResult[]> {
  const results: StepResult[] = []
  const report = (step: string, status: Status, detail: string) => {
    const result = { step, status, detail }
    results.push(result)
    options.onResult(result)
    return status !== 'fail'
  }

  const name = `ndith_rehearsal_${randomBytes(4).toString('hex')}`
  const secrets = generateSecrets(name)
  const objects = renderObjects({ namespace: 'ndith-rehearsal', webPort: 5000, simulatorPort: 4000, secrets, overlay: options.overlay, includeSeed: true })
  const workloads = new Map(workloadSpecs(objects).map((w) => [`${w.kind}/${w.name}`, w]))
  const unordered = [...workloads.entries()].filter(([id, w]) => !START_ORDER.includes(id) && [...w.initContainers, ...w.containers].some((c) => isBuilt(c.image)))
  if (unordered.length) throw new DevenvError(`no start-up order for ${unordered.map(([id]) => id).join(', ')}`, 'add it to START_ORDER in tools/devenv/src/rehearse/rehearsal.ts')

  for (const port of SERVED_PORTS) {
    if (await isPortBusy(port)) throw new DevenvError(`port ${port} is in use; the api, worker, provider-sim and web containers listen on ${SERVED_PORTS.join(', ')}`, 'stop what holds it (`npx devenv ports` names it)')
  }
  if (!(await tcpReachable(options.redisUrl))) throw new DevenvError(`no Redis at ${options.redisUrl}`, 'start Redis on this machine, or pass --redis-url')
  const postgres = await standInPostgres(options.pgAdminUrl, name, secrets.postgresPassword)
  for (const [id, w] of workloads) {
    if (!START_ORDER.includes(id)) report(id, 'skip', `stood in for by this machine's ${w.name === 'postgres' ? 'Postgres (user and database created as its env asks)' : w.name === 'redis' ? 'Redis' : 'service'}`)
  }

  // On the dev overlay the web image is the one the Tiltfile builds for live update (images.sh: TAG-live).
  const tagFor = (image: string) => (options.overlay === 'dev' && imageName(image) === 'ndith-web' ? `${options.tag}-live` : options.tag)
  const runner = new PodRunner(serviceNames(objects), (image) => (isBuilt(image) ? `${imageName(image)}:${tagFor(image)}` : image))
  const containerName = (w: WorkloadSpec, c: ContainerSpec) => `ndith-rehearsal-${w.name}-${c.name}`

  async function runToCompletion(w: WorkloadSpec, c: ContainerSpec, what: string): Promise<boolean> {
    const step = `${w.kind}/${w.name} ${what} ${c.name}`
    if (!isBuilt(c.image)) return report(step, 'skip', `${c.image} is not built here; what it waits for is already up`)
    const { code, output } = await runner.complete(c, containerName(w, c), 600_000)
    // The last line says what a Job did; a failure gets enough lines to show why.
    const tail = (lines: number) => output.trim().split('\n').slice(-lines).join(' | ')
    return report(step, code === 0 ? 'ok' : 'fail', code === 0 ? `exit 0: ${tail(1)}` : `exit ${code}: ${tail(15)}`)
  }

  async function serve(w: WorkloadSpec, c: ContainerSpec): Promise<boolean> {
    const started = await runner.start(c, containerName(w, c))
    if (started.code !== 0) return report(`${w.kind}/${w.name} ${c.name}`, 'fail', started.output.trim())
    for (const p of c.probes) {
      // After start-up, readiness and liveness are each given the same minute.
      const result = await probe(p, p.kind === 'startup' ? p.budgetMs : Math.max(p.budgetMs, 60_000))
      if (!report(`${w.kind}/${w.name} ${p.kind} probe`, result.ok ? 'ok' : 'fail', result.detail)) {
        report(`${w.kind}/${w.name} logs`, 'fail', (await runner.logs(containerName(w, c))).trim().split('\n').slice(-8).join(' | '))
        return false
      }
    }
    return true
  }

  /**
   * Tilt's live update of the API image's processes (the api and the worker): an edited source synced
   * in, `tsx watch` restarts the process, it is ready again.
   */
  async function nodeLiveUpdate(w: WorkloadSpec, c: ContainerSpec, which: 'api' | 'worker'): Promise<boolean> {
    const step = `${w.kind}/${w.name} live update`
    const name = containerName(w, c)
    const sync = LIVE_SYNCS[which]
    const label = which === 'api' ? 'API' : 'worker'
    const before = starts(await runner.logs(name, 1000), BANNERS[which])
    const failed = await syncEdit(runner, name, c.user, sync)
    if (failed) return report(step, 'fail', failed)
    const deadline = Date.now() + 60_000
    while (starts(await runner.logs(name, 1000), BANNERS[which]) <= before) {
      if (Date.now() > deadline) return report(step, 'fail', `${sync.file} was synced, but the ${label} did not restart within 60 s`)
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    const ready = await probe(c.probes.find((p) => p.kind === 'readiness')!, 60_000)
    return report(step, ready.ok ? 'ok' : 'fail', ready.ok ? `synced an edited ${sync.file}; tsx watch restarted the ${label}, ready again` : ready.detail)
  }

  /** Tilt's live update of the web app: a rebuilt file synced into nginx's root is served at once. */
  async function webLiveUpdate(w: WorkloadSpec, c: ContainerSpec): Promise<boolean> {
    const step = `${w.kind}/${w.name} live update`
    const failed = await syncEdit(runner, containerName(w, c), c.user, LIVE_SYNCS.web)
    if (failed) return report(step, 'fail', failed)
    const page = await fetch('http://127.0.0.1:5000/').then((r) => r.text(), (error: unknown) => String(error))
    const served = page.includes(LIVE_SYNCS.web.edit.trim())
    return report(step, served ? 'ok' : 'fail', served ? `synced an edited ${LIVE_SYNCS.web.file}; nginx serves it` : `nginx still serves the old ${LIVE_SYNCS.web.file}`)
  }

  /**
   * The simulator answers as the browser and the API need it: its seeded users, and the consent page
   * for the redirect URI the API derives from APP_URL (on 127.0.0.1, as Spotify wants).
   */
  async function simulatorAnswers(w: WorkloadSpec): Promise<boolean> {
    const step = `${w.kind}/${w.name} answers`
    const api = workloads.get('Deployment/api')?.containers[0]
    const appUrl = new URL(api?.env.APP_URL ?? 'http://localhost:5000')
    const redirectUri = `http://127.0.0.1:${appUrl.port || 80}/api/v1/connections/callback`
    try {
      const users = (await (await fetch('http://127.0.0.1:4000/admin/users', { signal: AbortSignal.timeout(10_000) })).json()) as { users?: { id: string }[] }
      const ids = (users.users ?? []).map((u) => u.id)
      if (!ids.includes('alice')) return report(step, 'fail', `/admin/users lists ${ids.join(', ') || 'no users'}, not the seeded alice`)
      const authorize = new URL('http://127.0.0.1:4000/authorize')
      const query = { client_id: 'ndith-dev', response_type: 'code', redirect_uri: redirectUri, scope: 'user-library-read', state: 'rehearsal', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' }
      for (const [key, value] of Object.entries(query)) authorize.searchParams.set(key, value)
      const consent = await fetch(authorize, { signal: AbortSignal.timeout(10_000), redirect: 'manual' })
      const page = await consent.text()
      if (consent.status !== 200 || !/<form/i.test(page)) return report(step, 'fail', `the consent page for ${redirectUri} answered ${consent.status}: ${page.slice(0, 160)}`)
      return report(step, 'ok', `seeded users ${ids.join(', ')}; consent page for ${redirectUri}`)
    } catch (error) {
      return report(step, 'fail', `no answer on :4000 (${reason(error)})`)
    }
  }

  /** The API reaches the simulator by its Service name, the way its SIMULATOR_URL says. */
  async function apiReachesSimulator(w: WorkloadSpec, c: ContainerSpec): Promise<boolean> {
    const step = `${w.kind}/${w.name} → provider-sim Service`
    const target = c.env.SIMULATOR_URL
    if (!target) return report(step, 'fail', 'the api container has no SIMULATOR_URL (k8s/base/config.yaml)')
    const script = "fetch(process.env.SIMULATOR_URL + '/health').then(async (r) => { console.log(r.status, await r.text()); process.exit(r.ok ? 0 : 1) }, (e) => { console.log(String(e.cause ?? e)); process.exit(1) })"
    const { code, output } = await docker(['exec', containerName(w, c), 'node', '-e', script], 30_000)
    return report(step, code === 0 ? 'ok' : 'fail', `${target}/health from inside the api container: ${output.trim()}`)
  }

  /** nginx in the web pod reaches the api Service by name (its /api and /ready locations). */
  async function proxiedToApi(): Promise<boolean> {
    const ready = await probe({ kind: 'readiness', path: '/ready', port: 5000, budgetMs: 10_000 })
    return report('Deployment/web → api Service', ready.ok ? 'ok' : 'fail', ready.ok ? `/ready through nginx: ${ready.detail}` : ready.detail)
  }

  try {
    for (const id of START_ORDER) {
      const w = workloads.get(id)
      if (!w) throw new DevenvError(`the manifests have no ${id}`)
      for (const c of w.initContainers) if (!(await runToCompletion(w, c, 'init'))) return results
      for (const c of w.containers) if (!(w.kind === 'Job' ? await runToCompletion(w, c, 'container') : await serve(w, c))) return results
      if (id === 'Deployment/provider-sim' && !(await simulatorAnswers(w))) return results
      if (id === 'Deployment/api' && !(await apiReachesSimulator(w, w.containers[0]!))) return results
      if (options.overlay === 'dev' && id === 'Deployment/api' && !(await nodeLiveUpdate(w, w.containers[0]!, 'api'))) return results
      if (options.overlay === 'dev' && id === 'Deployment/worker' && !(await nodeLiveUpdate(w, w.containers[0]!, 'worker'))) return results
      if (options.overlay === 'dev' && id === 'Deployment/web' && !(await webLiveUpdate(w, w.containers[0]!))) return results
      if (id === 'Deployment/web' && !(await proxiedToApi())) return results
    }
    const checks = await healthChecks({
      stack: 'tilt',
      description: 'rehearsal',
      apiUrl: 'http://127.0.0.1:3000',
      webUrl: 'http://127.0.0.1:5000',
      webHasHealthz: true,
      database: { kind: 'postgres', url: databaseUrl(secrets, new URL(options.pgAdminUrl).hostname, Number(new URL(options.pgAdminUrl).port || 5432)) },
      redisUrl: options.redisUrl,
      simulator: { url: 'http://127.0.0.1:4000', required: true },
      worker: { url: 'http://127.0.0.1:3001', required: true },
    })
    for (const check of checks) report(`health: ${check.name}`, check.status, check.detail)
    return results
  } finally {
    if (!options.keep) await runner.cleanUp()
    await postgres.done(options.keep)
  }
}
