import { healthChecks } from '../health/checks.ts'
import { mark, table } from '../lib/output.ts'
import { stackOptionsHelp } from '../stack/options.ts'
import { parseTargetArgs } from './target-args.ts'

export const help = `Usage: devenv health [--json] [stack options]

The design document's health checks: the API's /health and /ready, the web app's / (and nginx's
/healthz on the Tilt stack), a Postgres ping and the table-count query, a Redis ping, and the
Spotify simulator's /health (on the npm start stack a missing simulator only warns: the API runs
without it), and the worker's /ready with the depth of each job queue it works (on the npm start
stack a missing worker is skipped: the API runs the jobs itself). Exits 1 when any check fails
("-" marks a check that does not apply to this stack).

${stackOptionsHelp}`

export async function run(argv: string[]): Promise<number> {
  const { values, target } = parseTargetArgs(argv, { json: { type: 'boolean' } })
  const results = await healthChecks(target)
  const failed = results.filter((r) => r.status === 'fail')
  if (values.json) {
    console.log(JSON.stringify({ stack: target.stack, ok: failed.length === 0, checks: results }, null, 2))
  } else {
    console.log(`Health of the ${target.description}:\n`)
    console.log(table(['', 'check', 'result'], results.map((r) => [mark(r.status), r.name, r.detail])))
    console.log(failed.length ? `\n${failed.length} check(s) failed.` : '\nAll checks passed.')
  }
  return failed.length ? 1 : 0
}
