import { connect, send } from '../test/support/raw-http.ts'
import type { ApiProcess } from '../test/support/api-process.ts'
import type { privateRedis } from '../test/support/redis-server.ts'
import { percentile, startLoad, statusCounts, type LoadContext, type Sample } from './load.ts'
import type { PrivatePostgres } from './postgres-cluster.ts'

/** What one scenario measured (figures) and which of the suite's rules it broke (failures). */
export interface Verdict {
  name: string
  figures: string[]
  failures: string[]
}

export interface ChaosEnv {
  postgres: PrivatePostgres
  redis: ReturnType<typeof privateRedis>
  database: string
  ready: () => Promise<boolean>
  waitUntil: (what: string, check: () => Promise<boolean>, timeoutMs?: number) => Promise<void>
  say: (line: string) => void
  api: () => ApiProcess
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const ms = (values: number[]) => `p50 ${percentile(values, 50)} ms, p99 ${percentile(values, 99)} ms (n=${values.length})`

/** The rules every phase keeps: the API answers every request, and a 5xx is only ever a 503. */
function answerFailures(samples: Sample[]): string[] {
  const unanswered = samples.filter((s) => s.status === 0).length
  const unexpected = samples.filter((s) => s.status >= 500 && s.status !== 503)
  return [
    ...(unanswered > 0 ? [`${unanswered} requests got no answer`] : []),
    ...(unexpected.length > 0 ? [`5xx other than 503: ${statusCounts(unexpected)}`] : []),
  ]
}

interface Outage {
  name: string
  load: Parameters<typeof startLoad>[0]
  /** Load before the service goes, and how long it stays away. */
  warmupMs: number
  downMs: number
  stop: () => Promise<void>
  start: () => Promise<void>
  readyWithinMs: number
}

/** A service taken away under load and brought back; when it went, when it came back, and when /ready said so. */
async function outageUnderLoad(ctx: LoadContext, env: ChaosEnv, outage: Outage) {
  const from = Date.now()
  const load = startLoad(outage.load, ctx)
  await pause(outage.warmupMs)
  const down = Date.now()
  await outage.stop()
  env.say(`${outage.name} stopped`)
  await pause(outage.downMs)
  await outage.start()
  const up = Date.now()
  env.say(`${outage.name} started again`)
  await env.waitUntil(`ready after ${outage.name} came back`, env.ready, outage.readyWithinMs)
  const readyAfter = Date.now() - up
  await pause(2000)
  await load.stop()
  return { from, down, up, readyAfter, phase: ctx.recorder.between(from, Date.now()) }
}

/** (1) Redis killed (SIGKILL) and started again, empty, under reads, writes, sign-ins and registrations. */
export async function killAndRestartRedis(ctx: LoadContext, env: ChaosEnv): Promise<Verdict> {
  const { from, down, up, readyAfter, phase } = await outageUnderLoad(ctx, env, {
    name: 'redis',
    load: { readers: 1, writers: 1, logins: 1, registrations: 1 },
    warmupMs: 4000,
    downMs: 6000,
    stop: () => env.redis.kill(),
    start: () => env.redis.start(),
    readyWithinMs: 30_000,
  })
  const outage = ctx.recorder.between(down, up)
  const of = (kind: string) => outage.filter((s) => s.kind === kind)
  const before = ctx.recorder.between(from, down, ['login']).map((s) => s.ms)
  const loginP99 = percentile(of('login').map((s) => s.ms), 99)
  return {
    name: '1. Redis killed and restarted under mixed load',
    figures: [
      `${phase.length} requests: ${statusCounts(phase)}`,
      `with Redis down: reads ${statusCounts(of('read'))}; writes ${statusCounts(of('write'))}`,
      `with Redis up (before): sign-in ${ms(before)}`,
      `with Redis down: sign-in ${statusCounts(of('login'))}, ${ms(of('login').map((s) => s.ms))}`,
      `with Redis down: registration ${statusCounts(of('register'))}, ${ms(of('register').map((s) => s.ms))}`,
      `/ready 200 again ${readyAfter} ms after Redis started`,
    ],
    failures: [
      ...answerFailures(phase),
      ...(of('login').length === 0 ? ['no sign-in was measured while Redis was down'] : []),
      ...(loginP99 > 1000 ? [`sign-in p99 with Redis down is ${loginP99} ms (limit 1000 ms)`] : []),
    ],
  }
}

/** (2) Postgres stopped (pg_ctl stop -m fast) and started again under writes. */
export async function stopAndStartPostgres(ctx: LoadContext, env: ChaosEnv): Promise<Verdict> {
  const acknowledgedBefore = ctx.acknowledged.length
  const { down, up, readyAfter, phase } = await outageUnderLoad(ctx, env, {
    name: 'postgres',
    load: { readers: 1, writers: 3, logins: 1 },
    warmupMs: 2000,
    downMs: 4000,
    stop: () => env.postgres.stop(),
    start: () => env.postgres.start(),
    readyWithinMs: 60_000,
  })
  return {
    name: '2. Postgres stopped and started under writes',
    figures: [
      `${phase.length} requests: ${statusCounts(phase)}; writes acknowledged ${ctx.acknowledged.length - acknowledgedBefore}`,
      `while Postgres was down: ${statusCounts(ctx.recorder.between(down, up))}`,
      `/ready 200 again ${readyAfter} ms after Postgres started`,
    ],
    failures: answerFailures(phase),
  }
}

/** (3) Every database session of the API terminated (pg_terminate_backend), 12 times, under writes. */
export async function terminateSessions(ctx: LoadContext, env: ChaosEnv): Promise<Verdict> {
  const from = Date.now()
  const acknowledgedBefore = ctx.acknowledged.length
  const load = startLoad({ readers: 1, writers: 4 }, ctx)
  let terminated = 0
  for (let round = 0; round < 12; round++) {
    await pause(200)
    terminated += await env.postgres.terminateSessions(env.database)
  }
  await pause(1500)
  await load.stop()
  const phase = ctx.recorder.between(from, Date.now())
  return {
    name: '3. the API’s database sessions terminated under writes',
    figures: [`${terminated} sessions terminated in 12 rounds; ${phase.length} requests: ${statusCounts(phase)}; writes acknowledged ${ctx.acknowledged.length - acknowledgedBefore}`],
    failures: [...answerFailures(phase), ...(terminated === 0 ? ['no session was terminated'] : [])],
  }
}

/**
 * (4) SIGTERM under load, 80 ms after 50 new connections opened, whose requests arrive after the
 * signal. The load generator plays the load balancer: it probes /ready every 100 ms and sends no new
 * request once the API reports not-ready; every request sent until then must be answered.
 */
export async function sigtermUnderLoad(ctx: LoadContext, env: ChaosEnv): Promise<Verdict> {
  const api = env.api()
  const port = Number(new URL(ctx.base).port)
  let routed = true
  ctx.routed = () => routed
  const load = startLoad({ readers: 2, writers: 2, logins: 1 }, ctx)
  await pause(1500)
  const sockets = await Promise.all(Array.from({ length: 50 }, () => connect(port)))
  await pause(80)
  const signalled = Date.now()
  api.child.kill('SIGTERM')
  env.say('SIGTERM sent')
  let unroutedAfter = 0
  const probe = (async () => {
    while (routed) {
      if (await env.ready().catch(() => false)) await pause(100)
      else routed = false
    }
    unroutedAfter = Date.now() - signalled
  })()
  const burst = await Promise.all(sockets.map((socket, i) => send(socket, 'POST', '/api/v1/auth/login', { email: `sigterm.${i}.${signalled}@example.com`, password: 'Chaos-Password-123' })))
  const burstAnsweredAfter = Date.now() - signalled
  await probe
  await load.stop()
  const exitCode = await api.exited
  const around = ctx.recorder.between(signalled - 1500, Date.now())
  const failedBurst = burst.filter((s) => s === 0 || s >= 500).length
  return {
    name: '4. SIGTERM under load',
    figures: [
      `${around.length} requests around the signal: ${statusCounts(around)}`,
      `50 requests on connections opened 80 ms before it: ${statusCounts(burst.map((status) => ({ kind: 'burst', status, startedAt: 0, ms: 0 })))}, all answered ${burstAnsweredAfter} ms after the signal`,
      `/ready 503 seen ${unroutedAfter} ms after the signal; exit code ${exitCode}`,
    ],
    failures: [
      ...answerFailures(around).map((f) => `around SIGTERM: ${f}`),
      ...(failedBurst > 0 ? [`${failedBurst} of the 50 requests on new connections failed`] : []),
      ...(exitCode !== 0 ? [`the API exited with ${exitCode}, not 0`] : []),
    ],
  }
}
