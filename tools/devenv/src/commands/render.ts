import { parseArgs } from 'node:util'
import { renderObjects, renderYaml, type Overlay } from '../k8s/render.ts'
import { DevenvError } from '../lib/errors.ts'
import { parseStackOptions } from '../stack/options.ts'
import { loadOrCreateSecrets, secretsDir } from '../stack/secrets.ts'

export const help = `Usage: devenv render [--namespace NS] [--offset N] [--port SERVICE=PORT ...] [--overlay dev|base] [--include-seed] [--monitoring]

Prints the manifests for one stack: the Namespace, the Secret \`ndith-secrets\` (credentials generated
on first use and kept in ${'$'}XDG_CONFIG_HOME/ndith-devenv/secrets/<namespace>.json, never committed),
and \`kubectl kustomize k8s/<overlay>\` (default dev) with every object in the namespace and the URLs
the browser uses set for the forwarded ports: CORS origins and APP_URL (web), SIMULATOR_PUBLIC_URL
(simulator). --include-seed adds the seed Job (k8s/seed); --monitoring adds Prometheus and Grafana
(k8s/monitoring). The Tiltfile deploys
exactly this; without Tilt:  npx devenv render | kubectl apply -f -`

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      namespace: { type: 'string' },
      offset: { type: 'string' },
      port: { type: 'string', multiple: true },
      overlay: { type: 'string', default: 'dev' },
      'include-seed': { type: 'boolean', default: false },
      monitoring: { type: 'boolean', default: false },
    },
    strict: true,
  })
  if (values.overlay !== 'dev' && values.overlay !== 'base') throw new DevenvError(`--overlay is "${values.overlay}"`, 'use --overlay dev or --overlay base')
  const stack = parseStackOptions({ stack: 'tilt', namespace: values.namespace, offset: values.offset, port: values.port })
  const secrets = loadOrCreateSecrets(stack.namespace, secretsDir())
  const objects = renderObjects({ namespace: stack.namespace, webPort: stack.ports.web, simulatorPort: stack.ports.simulator, secrets, overlay: values.overlay as Overlay, includeSeed: values['include-seed'], monitoring: values.monitoring })
  process.stdout.write(renderYaml(objects))
  return 0
}
