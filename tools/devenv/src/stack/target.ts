import path from 'node:path'
import { repoRoot } from '../lib/paths.ts'
import type { StackOptions } from './options.ts'
import { databaseUrl, requireSecrets, secretsDir } from './secrets.ts'

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string }

/** Where a running stack's pieces answer, from this machine. */
export interface Target {
  stack: 'local' | 'tilt'
  description: string
  apiUrl: string
  webUrl: string
  /** nginx (Tilt stack) answers /healthz; the Vite dev server does not. */
  webHasHealthz: boolean
  database: DatabaseTarget
  /** undefined: the API uses its in-process store */
  redisUrl: string | undefined
  /** The Spotify simulator as this machine reaches it; `required`: the stack cannot connect accounts without it. */
  simulator: { url: string; required: boolean }
  /**
   * The worker's probe endpoint. `required`: the stack runs its jobs in a worker (Tilt: the worker
   * Deployment; the API has RUN_WORKERS=false). On `npm start` the API runs them itself.
   */
  worker: { url: string; required: boolean }
}

const trimSlash = (url: string) => url.replace(/\/+$/, '')

export function resolveTarget(options: StackOptions, env: NodeJS.ProcessEnv = process.env): Target {
  if (options.stack === 'tilt') {
    const { ports, namespace } = options
    const database = options.databaseUrl ?? databaseUrl(requireSecrets(namespace, secretsDir(env)), '127.0.0.1', ports.postgres)
    return {
      stack: 'tilt',
      description: `Tilt stack in namespace ${namespace} (port forwards: api ${ports.api}, web ${ports.web}, postgres ${ports.postgres}, redis ${ports.redis}, simulator ${ports.simulator}, worker ${ports.worker})`,
      apiUrl: trimSlash(options.apiUrl ?? `http://127.0.0.1:${ports.api}`),
      webUrl: trimSlash(options.webUrl ?? `http://127.0.0.1:${ports.web}`),
      webHasHealthz: true,
      database: { kind: 'postgres', url: database },
      redisUrl: options.redisUrl ?? `redis://127.0.0.1:${ports.redis}`,
      simulator: { url: trimSlash(options.simulatorUrl ?? `http://127.0.0.1:${ports.simulator}`), required: true },
      worker: { url: trimSlash(options.workerUrl ?? `http://127.0.0.1:${ports.worker}`), required: true },
    }
  }
  const database = options.databaseUrl ?? (env.DATABASE_URL || undefined)
  return {
    stack: 'local',
    description: 'npm start stack',
    apiUrl: trimSlash(options.apiUrl ?? `http://127.0.0.1:${env.PORT || 3000}`),
    webUrl: trimSlash(options.webUrl ?? 'http://127.0.0.1:5000'),
    webHasHealthz: false,
    database: database
      ? { kind: 'postgres', url: database }
      : { kind: 'pglite', dataDir: path.resolve(env.DATA_DIR || path.join(repoRoot, '.data')) },
    redisUrl: options.redisUrl ?? (env.REDIS_URL || undefined),
    // npm start runs it on SIM_PORT (4000); the API also works without it, so its absence only warns.
    simulator: { url: trimSlash(options.simulatorUrl ?? `http://127.0.0.1:${env.SIM_PORT || 4000}`), required: false },
    // Optional here: without a worker process the API runs the jobs itself (RUN_WORKERS defaults to true).
    worker: { url: trimSlash(options.workerUrl ?? `http://127.0.0.1:${env.WORKER_PORT || 3001}`), required: false },
  }
}

/** The environment a tool needs to use the same database and Redis (devenv env / exec). */
export function targetEnvironment(target: Target): Record<string, string> {
  const env: Record<string, string> = { NDITH_API_URL: target.apiUrl, NDITH_WEB_URL: target.webUrl }
  if (target.database.kind === 'postgres') env.DATABASE_URL = target.database.url
  else env.DATA_DIR = target.database.dataDir
  if (target.redisUrl) env.REDIS_URL = target.redisUrl
  return env
}
