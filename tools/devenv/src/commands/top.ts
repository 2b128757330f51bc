import { parseArgs } from 'node:util'
import { DevenvError } from '../lib/errors.ts'
import { parseStackOptions, stackOptionSpec, stackOptionsHelp } from '../stack/options.ts'
import { resolveTarget } from '../stack/target.ts'
import { metricsEndpoints, metricsToken, topSnapshot } from '../top/top.ts'

export const help = `Usage: devenv top [--once] [--interval SECONDS] [--metrics-token TOKEN] [stack options]

The API's and the worker's /metrics, live in the terminal (nothing else to install): per route
the requests per second, p50 and p99 (from the latency histograms) and the statuses; errors by
code; the Postgres pool (total, idle, waiting) and query times; Redis; queue depths and job
outcomes; CPU and memory. Refreshes every --interval seconds (default 2; rates and percentiles
cover that interval) until Ctrl-C.

  --once                 print once and exit, with figures since each process started (used by
                         the load-test); exits 1 when the API's metrics cannot be read
  --interval SECONDS     refresh period (default 2)
  --metrics-token TOKEN  the METRICS_TOKEN the processes have (default: $METRICS_TOKEN; on the
                         Tilt stack the namespace's generated one). Without a token the API
                         answers loopback clients only, which the npm start stack is.

${stackOptionsHelp}`

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...stackOptionSpec, once: { type: 'boolean' }, interval: { type: 'string', default: '2' }, 'metrics-token': { type: 'string' } },
    strict: true,
    allowPositionals: false,
  })
  const interval = Number(values.interval)
  if (!(interval >= 0.5 && interval <= 3600)) throw new DevenvError(`--interval is "${values.interval}", not a number of seconds from 0.5 to 3600`, 'e.g. --interval 5')
  const stack = parseStackOptions(values)
  const target = resolveTarget(stack)
  const token = metricsToken(values['metrics-token'], stack)
  const endpoints = metricsEndpoints(target)

  if (values.once) {
    const { text, ok } = await topSnapshot(endpoints, token)
    console.log(`Metrics of the ${target.description}:\n\n${text}`)
    return ok ? 0 : 1
  }
  let previous: Awaited<ReturnType<typeof topSnapshot>>['snapshots'] | undefined
  const live = Boolean(process.stdout.isTTY)
  for (;;) {
    const result = await topSnapshot(endpoints, token, previous)
    previous = result.snapshots
    const heading = `devenv top — ${target.description} — every ${interval} s, Ctrl-C to quit — ${new Date().toLocaleTimeString()}`
    process.stdout.write(`${live ? '\u001b[2J\u001b[H' : '\n'}${heading}\n\n${result.text}\n`)
    await new Promise((resolve) => setTimeout(resolve, interval * 1000))
  }
}
