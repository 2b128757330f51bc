import path from 'node:path'

/**
 * Where the e2e stack runs. Distinct ports from `npm start` (3000/5000), so a developer's running
 * stack and the suite never collide. Every value can be overridden from the environment.
 */
const int = (name: string, fallback: number) => Number(process.env[name] || fallback)

export const repoRoot = path.resolve(import.meta.dirname, '../../../..')

export const ports = {
  api: int('E2E_API_PORT', 3100),
  web: int('E2E_WEB_PORT', 5100),
  /** A second API that the "server down" tests stop and start themselves, behind its own web server. */
  flakyApi: int('E2E_FLAKY_API_PORT', 3101),
  flakyWeb: int('E2E_FLAKY_WEB_PORT', 5101),
  /** The Spotify simulator (apps/provider-sim) that "Spotify (simulated)" connects to. */
  sim: int('E2E_SIM_PORT', 4100),
}

const trimSlash = (url: string) => url.replace(/\/+$/, '')

/**
 * External-target mode: `E2E_BASE_URL` names a running stack's web app (Tilt's forwarded web port, the
 * rehearsed containers, `npm start`, ...). The suite then starts no servers and prepares its data only
 * through that stack's own interfaces: its API behind the web origin's /api, `devenv seed`, and the
 * simulator's admin endpoint. Unset: the suite starts (and stops) a stack of its own.
 */
export const externalBaseUrl = process.env.E2E_BASE_URL ? trimSlash(process.env.E2E_BASE_URL) : undefined
export const external = externalBaseUrl !== undefined

/** Why a test cannot run against a stack it did not start (printed by Playwright as the skip's reason). */
export const EXTERNAL_SKIP_REASON = 'it stops or replaces the API, which only a stack the suite starts itself allows; E2E_BASE_URL names a running stack'

/**
 * The simulator as the browser reaches it. Against an external stack: `E2E_SIMULATOR_URL`, else the
 * port `devenv plan` forwards beside that web port (web 5000 + offset, simulator 4000 + offset).
 */
function externalSimulatorUrl(base: string): string {
  const web = new URL(base)
  const offset = Number(web.port || 80) - 5000
  return `http://127.0.0.1:${4000 + offset}`
}

export const simulatorUrl = externalBaseUrl ? trimSlash(process.env.E2E_SIMULATOR_URL || externalSimulatorUrl(externalBaseUrl)) : `http://127.0.0.1:${ports.sim}`

export const webUrl = externalBaseUrl ?? `http://localhost:${ports.web}`
export const flakyWebUrl = `http://localhost:${ports.flakyWeb}`

/**
 * `devenv` flags that point at the external stack (e.g. `--stack tilt --namespace ndith-me --offset 0`),
 * for `devenv seed` when its catalog lacks the suite's artists. Unset: the suite only checks.
 */
export const externalDevenvArgs = (process.env.E2E_DEVENV_ARGS ?? '').split(/\s+/).filter(Boolean)

/** The suite's own database, next to the one DATABASE_URL names (or the local server's default). */
export const E2E_DATABASE_NAME = 'ndith_e2e_web'

export function e2eDatabaseUrl(): string {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL
  const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres')
  url.pathname = `/${E2E_DATABASE_NAME}`
  return url.toString()
}

/** A Redis database of its own (index 14), so the suite's rate-limit counters never touch a dev stack's. */
export function e2eRedisUrl(): string {
  if (process.env.E2E_REDIS_URL) return process.env.E2E_REDIS_URL
  const url = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379')
  url.pathname = '/14'
  return url.toString()
}

/** The API's environment for a given port: real Postgres and Redis, limits loose enough for a test run. */
export function apiEnvironment(port: number): Record<string, string> {
  const webOrigins = [ports.web, ports.flakyWeb].flatMap((p) => [`http://localhost:${p}`, `http://127.0.0.1:${p}`])
  return {
    HOST: '127.0.0.1',
    PORT: String(port),
    // No load balancer to drain: a stopped API is gone at once (the outage tests rely on it).
    SHUTDOWN_DRAIN_MS: '0',
    DATABASE_URL: e2eDatabaseUrl(),
    REDIS_URL: e2eRedisUrl(),
    // Test-only secret for a throwaway database; both API processes must share it.
    JWT_SECRET: process.env.E2E_JWT_SECRET || 'e2e-only-secret-never-used-outside-the-test-database',
    CORS_ALLOWED_ORIGINS: webOrigins.join(','),
    MIGRATE_ON_START: 'true',
    LOG_LEVEL: process.env.E2E_API_LOG_LEVEL || 'warn',
    NODE_ENV: 'test',
    RATE_LIMIT_REGISTER_PER_IP: '1000/1m',
    RATE_LIMIT_REGISTER_PER_EMAIL: '100/1m',
    RATE_LIMIT_LOGIN_PER_IP: '1000/1m',
    RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: '100/1m',
    // Streaming connections: the simulator stands in for Spotify, and the provider sends the browser
    // back to the web app the tests use (the API puts its callback on the loopback IP of this URL).
    SIMULATOR_URL: simulatorUrl,
    APP_URL: webUrl,
    // Test-only key (32 zero bytes) for tokens in a throwaway database.
    TOKEN_ENCRYPTION_KEYS: `e2e1:${Buffer.alloc(32).toString('base64')}`,
  }
}

/** Debian's Chromium where it is installed (browsers cannot be downloaded on our machines). */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium'
export const SYSTEM_CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Nothing but this machine resolves: a test can never reach out to the internet.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
]
