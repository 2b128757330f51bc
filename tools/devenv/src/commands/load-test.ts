import { parseArgs } from 'node:util'
import { DevenvError } from '../lib/errors.ts'
import { table } from '../lib/output.ts'
import { percentile, runLoad, type EndpointResult } from '../load/run-load.ts'
import { scenarios, signIn } from '../load/scenarios.ts'
import { parseStackOptions, stackOptionSpec, stackOptionsHelp } from '../stack/options.ts'
import { resolveTarget } from '../stack/target.ts'
import { metricsEndpoints, metricsToken, topSnapshot } from '../top/top.ts'

export const help = `Usage: devenv load-test [--duration SECONDS] [--connections N] [--metrics-token TOKEN] [stack options]

A bounded load on a running stack's API, every endpoint at once for --duration seconds with
--connections concurrent connections each: registrations (each hashes a password with argon2),
My list and community list reads, and artist searches, as a load-test account (registered on the
first run, signed in after). Prints per endpoint and status the requests, requests per second,
p50 and p99, and errors; then the API's and the worker's metrics (devenv top --once): the
Postgres pool (total, idle, waiting), query times, Redis, queues, CPU and memory.

Registrations are rate limited per client address (RATE_LIMIT_REGISTER_PER_IP, default 20 per
10 minutes): past it the API answers 429 RATE_LIMITED, fast and without hashing. Those are
counted as such, not as errors; to load the hashing harder, start the stack with a higher limit
(docs/dev-environment.md, section 10).

  --duration SECONDS     how long to load (default 10, at most 300)
  --connections N        concurrent connections per endpoint (default 5, at most 100)
  --metrics-token TOKEN  for the metrics afterwards (see devenv top --help)

${stackOptionsHelp}`

function bounded(raw: string, name: string, max: number): number {
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > max) throw new DevenvError(`--${name} is "${raw}", not a whole number from 1 to ${max}`, `e.g. --${name} ${name === 'duration' ? 10 : 5}`)
  return n
}

const ms = (n: number | undefined) => (n === undefined ? '-' : `${Math.round(n)} ms`)

function rows(results: EndpointResult[]): string[][] {
  return results.flatMap((r) => {
    const statuses = [...r.byStatus].sort(([a], [b]) => a - b)
    const lines = statuses.map(([status, times]) => {
      const sorted = [...times].sort((a, b) => a - b)
      const note = status === 429 ? 'rate limited (RATE_LIMITED): the limit, not a fault' : status >= 400 ? 'error' : ''
      return [r.name, String(status), String(times.length), (times.length / r.seconds).toFixed(1), ms(percentile(sorted, 0.5)), ms(percentile(sorted, 0.99)), note]
    })
    if (r.failures) lines.push([r.name, '-', String(r.failures), '', '', '', 'errors: connection failures or timeouts'])
    return lines.length ? lines : [[r.name, '-', '0', '0', '-', '-', 'no answer']]
  })
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...stackOptionSpec, duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '5' }, 'metrics-token': { type: 'string' } },
    strict: true,
    allowPositionals: false,
  })
  const seconds = bounded(values.duration, 'duration', 300)
  const connections = bounded(values.connections, 'connections', 100)
  const stack = parseStackOptions(values)
  const target = resolveTarget(stack)

  const token = await signIn(target.apiUrl)
  console.log(`Load on the ${target.description}: ${seconds} s, ${connections} connections per endpoint, all endpoints at once.\n`)
  const results = await runLoad(target.apiUrl, scenarios(token), connections, seconds)
  console.log(table(['endpoint', 'status', 'requests', 'req/s', 'p50', 'p99', 'note'], rows(results)))

  const failed = results.flatMap((r) => [...r.byStatus].filter(([s]) => s >= 400 && s !== 429).map(([, t]) => t.length)).reduce((a, b) => a + b, 0) + results.reduce((n, r) => n + r.failures, 0)
  const limited = results.reduce((n, r) => n + (r.byStatus.get(429)?.length ?? 0), 0)
  if (limited) console.log(`\n${limited} request(s) answered 429 RATE_LIMITED: the stack's rate limits at work (registrations: RATE_LIMIT_REGISTER_PER_IP). Raise them to load the hashing harder.`)
  console.log(failed ? `\n${failed} error(s): see the statuses above and the API's log.` : '\nNo errors.')

  const metrics = await topSnapshot(metricsEndpoints(target), metricsToken(values['metrics-token'], stack))
  console.log(`\nThe API's and the worker's metrics after the run (devenv top --once):\n\n${metrics.text}`)
  return failed ? 1 : 0
}
