import { parseArgs } from 'node:util'
import { mark, table } from '../lib/output.ts'
import { checkPorts, type PortStatus } from '../ports/report.ts'
import { assertDistinctPorts, localPorts, parseOffset, parsePortOverrides } from '../stack/ports.ts'
import { buildPlan } from '../plan/plan.ts'
import { parseStackOptions } from '../stack/options.ts'

export const help = `Usage: devenv ports [--offset N] [--port SERVICE=PORT ...] [--json]

Checks the local ports \`tilt up\` forwards (postgres 5432, redis 6379, api 3000, web 5000, simulator
4000, each plus the offset) and Tilt's UI port (10350 plus the offset). For a busy port it names the
process holding it when the system tells, and proposes an offset at which everything is free, with
the command to use. Exits 1 when a port is busy, or when two services were given the same port.`

const label = (name: PortStatus['name']) => (name === 'tiltUi' ? 'tilt ui' : name)

function describe(p: PortStatus): string {
  if (!p.busy) return 'free'
  if (!p.holder) return `in use (see: sudo lsof -nP -iTCP:${p.port} -sTCP:LISTEN)`
  const tiltStack = /^(kubectl|tilt)$/.test(p.holder.command) ? '; a Tilt stack already running? `tilt down` stops it' : ''
  return `in use by ${p.holder.command} (pid ${p.holder.pid})${tiltStack}`
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { offset: { type: 'string' }, port: { type: 'string', multiple: true }, json: { type: 'boolean' } }, strict: true })
  const offset = parseOffset(values.offset)
  const overrides = parsePortOverrides(values.port)
  assertDistinctPorts(localPorts({ offset, overrides }))
  const report = await checkPorts(offset, overrides)
  const busy = report.ports.filter((p) => p.busy)
  if (values.json) {
    console.log(JSON.stringify(report, null, 2))
    return busy.length ? 1 : 0
  }
  console.log(`Ports for the Tilt stack (offset ${offset}):\n`)
  console.log(table(['', 'service', 'port', 'status'], report.ports.map((p) => [mark(p.busy ? 'fail' : 'ok'), label(p.name), String(p.port), describe(p)])))
  if (!busy.length) {
    const plan = buildPlan({ stack: parseStackOptions({ offset: String(offset), port: values.port }), context: '', portArgs: values.port ?? [] })
    console.log(`\nAll free. Start the stack with: ${plan.tiltUpCommand}`)
    return 0
  }
  console.log(`\n${busy.length} port(s) busy: stop the process holding each, or run a second stack beside it.`)
  if (report.suggestedOffset !== undefined) {
    const plan = buildPlan({ stack: parseStackOptions({ offset: String(report.suggestedOffset) }), context: '', portArgs: [] })
    console.log(`Offset ${report.suggestedOffset} has every port free (namespace ${plan.namespace}):`)
    console.log(`  ${plan.tiltUpCommand}`)
    console.log(`  npx devenv health --stack tilt --offset ${report.suggestedOffset}    # once it is up`)
  }
  return 1
}
