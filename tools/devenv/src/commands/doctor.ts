import { parseArgs } from 'node:util'
import { doctorChecks } from '../doctor/checks.ts'
import { DevenvError } from '../lib/errors.ts'
import { mark, table } from '../lib/output.ts'

export const help = `Usage: devenv doctor [--stack tilt|local] [--json]

Checks node, npm, docker (and its daemon), kubectl, minikube/kind/k3d/k3s, tilt, the current kube
context and whether the cluster answers. --stack local (the \`npm start\` stack) needs only node and
npm; the rest is then reported but optional. Exits 1 when a required tool is missing.`

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { stack: { type: 'string', default: 'tilt' }, json: { type: 'boolean' } }, strict: true })
  if (values.stack !== 'tilt' && values.stack !== 'local') throw new DevenvError(`--stack is "${values.stack}"`, 'use --stack tilt or --stack local')
  const checks = doctorChecks({ stack: values.stack, env: process.env, fixContext: { os: process.platform, arch: process.arch } })
  const failed = checks.filter((c) => c.status === 'fail')
  if (values.json) {
    console.log(JSON.stringify({ stack: values.stack, ok: failed.length === 0, checks }, null, 2))
    return failed.length ? 1 : 0
  }
  console.log(`Tools for the ${values.stack === 'tilt' ? 'Tilt (Kubernetes)' : '`npm start`'} stack:\n`)
  console.log(table(['', 'check', 'found', 'fix'], checks.map((c) => [mark(c.status), c.name, c.found, c.fix])))
  console.log(
    failed.length
      ? `\n${failed.length} required check(s) failed: run the fix next to each, then \`npx devenv doctor\` again.`
      : `\nEverything the ${values.stack} stack needs is here.${values.stack === 'tilt' ? ' Next: npx devenv ports, then tilt up.' : ''}`,
  )
  return failed.length ? 1 : 0
}
