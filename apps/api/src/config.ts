import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { generatedOnce, loadConnectionsConfig, type ConnectionsConfig } from './config-connections.ts'
import { boolean, ConfigError, integer, url, type Env } from './config-values.ts'

export { ConfigError } from './config-values.ts'

/** Everything the API reads from the environment, parsed once at start. */
export interface Config {
  nodeEnv: string
  host: string
  port: number
  logLevel: string
  logFormat: 'json' | 'pretty'
  /** Unset = embedded PGlite under dataDir. */
  databaseUrl: string | undefined
  /** Postgres cancels statements running longer than this (the request answers 503); 0 = no limit. */
  databaseStatementTimeoutMs: number
  /** Unset = in-process store. */
  redisUrl: string | undefined
  dataDir: string
  jwtSecret: string
  corsAllowedOrigins: string[]
  cookieSecure: boolean
  /** Honour X-Forwarded-For (behind nginx or an ingress) so rate limits see the client's IP. */
  trustProxy: boolean
  accessTokenTtlSeconds: number
  refreshTokenTtlSeconds: number
  migrateOnStart: boolean
  /** Run the background workers (library scans) in the API process; false where src/worker.ts runs them. */
  runWorkers: boolean
  /** Key prefix of the job queues in Redis: stacks (or test runs) sharing a Redis keep their work apart. */
  jobsPrefix: string
  rateLimits: RateLimitConfig
  /** On SIGTERM, how long /ready answers 503 while requests are still served, before the server closes. */
  shutdownDrainMs: number
  /** Optional: lets the catalog fetch Spotify artists it does not know yet. */
  spotifyClientId: string | undefined
  spotifyClientSecret: string | undefined
  /** Optional: lets the catalog fetch MusicBrainz artists; MusicBrainz asks clients to identify themselves. */
  musicbrainzUserAgent: string | undefined
  /** Streaming connections: token keys, Spotify (real and simulated), where the app runs. */
  connections: ConnectionsConfig
  /** When set, /metrics (API and worker) wants it as a bearer token; unset, /metrics answers loopback clients only. */
  metricsToken: string | undefined
}

export interface RateLimit {
  points: number
  durationSeconds: number
}

export interface RateLimitConfig {
  registerPerIp: RateLimit
  registerPerEmail: RateLimit
  loginPerIp: RateLimit
  /** Sign-in attempts per account, counted before the password is checked and cleared by a success. */
  loginFailuresPerAccount: RateLimit
  /** Imports (previews and confirms) one user may run at the same time; 2 when unset. */
  importsInFlightPerUser?: number
}

const defaultDataDir = path.resolve(import.meta.dirname, '../../../.data')

const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 }

/** "20/10m" = 20 attempts per 10 minutes. */
function rateLimit(env: Env, name: string, fallback: string): RateLimit {
  const raw = env[name] || fallback
  const match = /^(\d+)\/(\d+)([smhd])$/.exec(raw)
  const points = Number(match?.[1])
  if (!match || points < 1) {
    throw new ConfigError(name, `is "${raw}", not <count>/<window> such as 20/10m`, `set ${name}=${fallback} or unset it`)
  }
  return { points, durationSeconds: Number(match[2]) * units[match[3]!]! }
}

function jwtSecret(env: Env, embedded: boolean, dataDir: string): string {
  const raw = env.JWT_SECRET
  if (raw === undefined || raw === '') {
    if (embedded) return generatedOnce(dataDir, 'jwt-secret', () => randomBytes(48).toString('base64url'))
    throw new ConfigError('JWT_SECRET', 'is required when DATABASE_URL is set', 'set JWT_SECRET to a random string of at least 32 characters (e.g. `openssl rand -base64 48`)')
  }
  if (raw.length < 32) {
    throw new ConfigError('JWT_SECRET', `is ${raw.length} characters long; at least 32 are needed`, 'generate one with `openssl rand -base64 48`')
  }
  return raw
}

function origins(env: Env): string[] {
  const raw = env.CORS_ALLOWED_ORIGINS ?? 'http://localhost:5000,http://127.0.0.1:5000'
  const list = raw.split(',').map((o) => o.trim()).filter(Boolean)
  for (const origin of list) {
    let parsed: URL | undefined
    try {
      parsed = new URL(origin)
    } catch {
      parsed = undefined
    }
    if (!parsed || parsed.origin !== origin) {
      throw new ConfigError('CORS_ALLOWED_ORIGINS', `contains "${origin}", which is not an origin`, 'list origins like http://localhost:5000, comma-separated, without paths or trailing slashes')
    }
  }
  return list
}

function metricsToken(env: Env): string | undefined {
  const raw = env.METRICS_TOKEN
  if (raw === undefined || raw === '') return undefined
  if (raw.length < 16) throw new ConfigError('METRICS_TOKEN', `is ${raw.length} characters long; at least 16 are needed`, 'generate one with `openssl rand -base64 24`, or unset it (then /metrics answers loopback clients only)')
  return raw
}

/** The database settings alone: all the migration command needs. */
export function loadDatabaseConfig(env: Env = process.env): Pick<Config, 'databaseUrl' | 'dataDir'> {
  return {
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], 'postgres://user:password@host:5432/database'),
    dataDir: path.resolve(env.DATA_DIR || defaultDataDir),
  }
}

function spotifyCredentials(env: Env) {
  const spotifyClientId = env.SPOTIFY_CLIENT_ID || undefined
  const spotifyClientSecret = env.SPOTIFY_CLIENT_SECRET || undefined
  // The client id alone is enough to connect accounts (PKCE needs no secret); the catalog's
  // client-credentials lookups need both.
  if (spotifyClientSecret && !spotifyClientId) {
    throw new ConfigError('SPOTIFY_CLIENT_ID', 'is missing while SPOTIFY_CLIENT_SECRET is set', 'set SPOTIFY_CLIENT_ID (from developer.spotify.com) too, or unset SPOTIFY_CLIENT_SECRET')
  }
  return { spotifyClientId, spotifyClientSecret }
}

export function loadConfig(env: Env = process.env): Config {
  const { databaseUrl, dataDir } = loadDatabaseConfig(env)
  const embedded = databaseUrl === undefined
  const nodeEnv = env.NODE_ENV || 'development'
  const logLevel = env.LOG_LEVEL || 'info'
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `is "${logLevel}"`, 'use one of fatal, error, warn, info, debug, trace, silent')
  }
  const logFormat = env.LOG_FORMAT || (nodeEnv === 'production' || env.CI ? 'json' : 'pretty')
  if (logFormat !== 'json' && logFormat !== 'pretty') {
    throw new ConfigError('LOG_FORMAT', `is "${logFormat}"`, 'use json (for log collectors) or pretty (for people)')
  }
  return {
    nodeEnv,
    logFormat,
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 3000, 0, 65535),
    logLevel,
    databaseUrl,
    databaseStatementTimeoutMs: integer(env, 'DB_STATEMENT_TIMEOUT_MS', 15_000, 0, 3_600_000),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:'], 'redis://host:6379'),
    dataDir,
    jwtSecret: jwtSecret(env, embedded, dataDir),
    corsAllowedOrigins: origins(env),
    cookieSecure: boolean(env, 'COOKIE_SECURE', nodeEnv === 'production'),
    trustProxy: boolean(env, 'TRUST_PROXY', false),
    accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400),
    refreshTokenTtlSeconds: integer(env, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 86400, 300, 365 * 86400),
    migrateOnStart: boolean(env, 'MIGRATE_ON_START', embedded),
    runWorkers: boolean(env, 'RUN_WORKERS', true),
    jobsPrefix: env.JOBS_PREFIX || 'ndith-jobs',
    shutdownDrainMs: integer(env, 'SHUTDOWN_DRAIN_MS', 5000, 0, 120_000),
    rateLimits: {
      registerPerIp: rateLimit(env, 'RATE_LIMIT_REGISTER_PER_IP', '20/10m'),
      registerPerEmail: rateLimit(env, 'RATE_LIMIT_REGISTER_PER_EMAIL', '5/1h'),
      loginPerIp: rateLimit(env, 'RATE_LIMIT_LOGIN_PER_IP', '60/10m'),
      loginFailuresPerAccount: rateLimit(env, 'RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT', '10/15m'),
      importsInFlightPerUser: integer(env, 'IMPORTS_IN_FLIGHT_PER_USER', 2, 1, 100),
    },
    ...spotifyCredentials(env),
    musicbrainzUserAgent: env.MUSICBRAINZ_USER_AGENT || undefined,
    connections: loadConnectionsConfig(env, embedded, dataDir),
    metricsToken: metricsToken(env),
  }
}

/** What the worker process (src/worker.ts) needs beyond the API's settings. */
export interface WorkerConfig {
  /** Its probe endpoint (/health, /ready). */
  port: number
  redisUrl: string
  databaseUrl: string
}

/**
 * A separate worker only makes sense with shared queues and a shared database: without REDIS_URL
 * the jobs live in the API's memory (the API runs them itself), and embedded PGlite opens in one
 * process only.
 */
export function loadWorkerConfig(config: Pick<Config, 'redisUrl' | 'databaseUrl'>, env: Env = process.env): WorkerConfig {
  if (!config.redisUrl) {
    throw new ConfigError('REDIS_URL', 'is required by the worker process (the queues it works live in Redis)', 'set REDIS_URL=redis://host:6379 for the API and the worker; without Redis, run the API alone (RUN_WORKERS=true, the default): it runs the jobs itself')
  }
  if (!config.databaseUrl) {
    throw new ConfigError('DATABASE_URL', 'is required by the worker process (embedded PGlite opens in one process only)', 'set DATABASE_URL=postgres://user:password@host:5432/database for the API and the worker; without it, run the API alone: it runs the jobs itself')
  }
  return { port: integer(env, 'WORKER_PORT', 3001, 0, 65535), redisUrl: config.redisUrl, databaseUrl: config.databaseUrl }
}
