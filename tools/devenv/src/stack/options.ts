import { DevenvError } from '../lib/errors.ts'
import { assertNamespace, defaultNamespace } from './namespace.ts'
import { assertDistinctPorts, localPorts, parseOffset, parsePortOverrides, type LocalPorts } from './ports.ts'

/** Options shared by every command that talks to a running stack (node:util parseArgs spec). */
export const stackOptionSpec = {
  stack: { type: 'string', default: 'local' },
  namespace: { type: 'string' },
  offset: { type: 'string' },
  port: { type: 'string', multiple: true },
  'database-url': { type: 'string' },
  'redis-url': { type: 'string' },
  'api-url': { type: 'string' },
  'web-url': { type: 'string' },
  'simulator-url': { type: 'string' },
  'worker-url': { type: 'string' },
} as const

export const stackOptionsHelp = `Stack options:
  --stack local|tilt     local: the \`npm start\` stack (reads DATABASE_URL, REDIS_URL, PORT like the API);
                         tilt: the Tilt stack through its port forwards (default: local)
  --namespace NS         Tilt stack namespace (default ndith-<user>, ndith-<user>-<offset> with an offset)
  --offset N             port offset the Tilt stack was started with (tilt up -- --port-offset=N)
  --port SERVICE=PORT    a port set explicitly in tilt_config.json (postgres, redis, api, web,
                         simulator, worker)
  --database-url URL, --redis-url URL, --api-url URL, --web-url URL, --simulator-url URL,
  --worker-url URL       override one endpoint (the worker's: its probe port, WORKER_PORT)`

export type StackName = 'local' | 'tilt'

export interface StackOptions {
  stack: StackName
  namespace: string
  offset: number
  ports: LocalPorts
  databaseUrl?: string
  redisUrl?: string
  apiUrl?: string
  webUrl?: string
  simulatorUrl?: string
  workerUrl?: string
}

type RawStackValues = { [K in keyof typeof stackOptionSpec]?: K extends 'port' ? string[] : string }

export function parseStackOptions(values: RawStackValues, env: NodeJS.ProcessEnv = process.env): StackOptions {
  const stack = values.stack ?? 'local'
  if (stack !== 'local' && stack !== 'tilt') throw new DevenvError(`--stack is "${stack}"`, 'use --stack local or --stack tilt')
  const offset = parseOffset(values.offset)
  // offset ≤ 999 keeps every port, Tilt's UI port (10350 + offset) included, within 65535.
  const ports = localPorts({ offset, overrides: parsePortOverrides(values.port) })
  assertDistinctPorts(ports)
  return {
    stack,
    offset,
    ports,
    namespace: assertNamespace(values.namespace || defaultNamespace(offset, env)),
    databaseUrl: values['database-url'],
    redisUrl: values['redis-url'],
    apiUrl: values['api-url'],
    webUrl: values['web-url'],
    simulatorUrl: values['simulator-url'],
    workerUrl: values['worker-url'],
  }
}
