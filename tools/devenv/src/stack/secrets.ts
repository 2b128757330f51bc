import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'
import { DevenvError } from '../lib/errors.ts'

/** The credentials of one namespace's stack. Generated once, kept on this machine, never committed. */
export interface StackSecrets {
  postgresUser: string
  postgresPassword: string
  postgresDb: string
  jwtSecret: string
  /** TOKEN_ENCRYPTION_KEYS: seals streaming-provider tokens at rest (`k1:<base64 of 32 bytes>`, current key first). */
  tokenEncryptionKeys: string
  /** METRICS_TOKEN: the bearer /metrics (API and worker) wants; Prometheus and `devenv top` send it. */
  metricsToken: string
}

/**
 * Outside the repository on purpose: `.data/` gets deleted to reset the embedded database, but
 * Postgres in the cluster keeps the password it was initialised with for as long as its volume
 * lives, so the password must outlive clones and clean-ups.
 */
export function secretsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DEVENV_STATE_DIR) return path.join(env.DEVENV_STATE_DIR, 'secrets')
  const config = env.XDG_CONFIG_HOME || path.join(homedir(), '.config')
  return path.join(config, 'ndith-devenv', 'secrets')
}

const fileFor = (dir: string, namespace: string) => path.join(dir, `${namespace}.json`)

/** Fresh credentials; `name` is the Postgres user and database (default ndith). */
export function generateSecrets(name = 'ndith'): StackSecrets {
  return {
    postgresUser: name,
    postgresPassword: randomBytes(24).toString('base64url'),
    postgresDb: name,
    jwtSecret: randomBytes(48).toString('base64url'),
    tokenEncryptionKeys: tokenEncryptionKey(),
    metricsToken: metricsToken(),
  }
}

// Hex, never base64url: a token starting with '-' would read as an option when passed to --metrics-token.
const metricsToken = () => randomBytes(24).toString('hex')

/** One AES-256 key in the API's TOKEN_ENCRYPTION_KEYS form. */
export const tokenEncryptionKey = (id = 'k1') => `${id}:${randomBytes(32).toString('base64')}`

function writeSecrets(dir: string, namespace: string, secrets: StackSecrets) {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  writeFileSync(fileFor(dir, namespace), JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 })
  chmodSync(fileFor(dir, namespace), 0o600)
}

export function loadSecrets(namespace: string, dir: string): StackSecrets | undefined {
  const file = fileFor(dir, namespace)
  if (!existsSync(file)) return undefined
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StackSecrets
  } catch (error) {
    throw new DevenvError(`${file} is not valid JSON (${(error as Error).message})`, `fix or delete it (deleting it also means deleting the namespace's Postgres volume)`)
  }
}

export function loadOrCreateSecrets(namespace: string, dir: string): StackSecrets {
  const existing = loadSecrets(namespace, dir)
  if (existing?.tokenEncryptionKeys && existing.metricsToken) return existing
  if (existing) {
    // Saved before the token key or the metrics token existed: add what is missing and keep
    // everything else (Postgres still has its password).
    const completed = { ...existing, tokenEncryptionKeys: existing.tokenEncryptionKeys || tokenEncryptionKey(), metricsToken: existing.metricsToken || metricsToken() }
    writeSecrets(dir, namespace, completed)
    return completed
  }
  const secrets = generateSecrets()
  writeSecrets(dir, namespace, secrets)
  return secrets
}

export function requireSecrets(namespace: string, dir: string): StackSecrets {
  const secrets = loadSecrets(namespace, dir)
  if (!secrets) {
    throw new DevenvError(
      `no credentials for namespace ${namespace} in ${dir}`,
      'start the stack first (`tilt up` generates them), or pass the same --namespace/--offset you gave tilt up',
    )
  }
  return secrets
}

export function databaseUrl(secrets: StackSecrets, host: string, port: number): string {
  const user = encodeURIComponent(secrets.postgresUser)
  const password = encodeURIComponent(secrets.postgresPassword)
  return `postgres://${user}:${password}@${host}:${port}/${encodeURIComponent(secrets.postgresDb)}`
}

/** The Secret every workload reads (see k8s/base): in-cluster DATABASE_URL points at the postgres Service. */
export function secretManifest(namespace: string, secrets: StackSecrets) {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: 'ndith-secrets',
      namespace,
      labels: { 'app.kubernetes.io/name': 'ndith-secrets', 'app.kubernetes.io/component': 'config', 'app.kubernetes.io/part-of': 'ndith' },
    },
    type: 'Opaque',
    stringData: {
      POSTGRES_USER: secrets.postgresUser,
      POSTGRES_PASSWORD: secrets.postgresPassword,
      POSTGRES_DB: secrets.postgresDb,
      DATABASE_URL: databaseUrl(secrets, 'postgres', 5432),
      JWT_SECRET: secrets.jwtSecret,
      TOKEN_ENCRYPTION_KEYS: secrets.tokenEncryptionKeys,
      METRICS_TOKEN: secrets.metricsToken,
    },
  }
}
