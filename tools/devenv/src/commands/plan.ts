import { parseArgs } from 'node:util'
import { buildPlan } from '../plan/plan.ts'
import { run as runCommand } from '../lib/run.ts'
import { parseStackOptions } from '../stack/options.ts'

export const help = `Usage: devenv plan [--offset N] [--namespace NS] [--port SERVICE=PORT ...]
                   [--context CONTEXT] [--platform NAME] [--registry HOST:PORT] [--monitoring]

Prints, as JSON, what the Tiltfile builds its resources from: the namespace, the port forwards
(defaults plus the offset, or --port overrides), the detected platform (from --context, default the
current kube context) and whether Tilt may deploy to it, the links, and the manual triggers with
their commands, labels and dependencies. --monitoring adds Prometheus and Grafana (k8s/monitoring)
to the manifests, with their port forwards and links.`

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      offset: { type: 'string' },
      namespace: { type: 'string' },
      port: { type: 'string', multiple: true },
      context: { type: 'string' },
      platform: { type: 'string' },
      registry: { type: 'string' },
      monitoring: { type: 'boolean', default: false },
    },
    strict: true,
  })
  const context = values.context ?? runCommand('kubectl', ['config', 'current-context']).stdout.trim()
  const stack = parseStackOptions({ stack: 'tilt', offset: values.offset, namespace: values.namespace, port: values.port })
  const plan = buildPlan({ stack, context, platform: values.platform, registry: values.registry, portArgs: values.port ?? [], monitoring: values.monitoring })
  console.log(JSON.stringify(plan, null, 2))
  return 0
}
