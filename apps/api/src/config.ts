import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import type { TokenKey } from './features/connections/token-vault.ts'

/** Everything the API reads from the environment, parsed once at start. */
export interface Config {
  nodeEnv: string
  host: string
  port: number
  logLevel: string
  logFormat: 'json' | 'pretty'
  /** Unset = embedded PGlite under dataDir. */
  databaseUrl: string | undefined
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
  rateLimits: RateLimitConfig
  /** Optional: lets the catalog fetch Spotify artists it does not know yet. */
  spotifyClientId: string | undefined
  spotifyClientSecret: string | undefined
  /** Optional: lets the catalog fetch MusicBrainz artists; MusicBrainz asks clients to identify themselves. */
  musicbrainzUserAgent: string | undefined
  /**
   * Seals streaming-provider tokens at rest, current key first. Generated under dataDir in embedded
   * mode; undefined with DATABASE_URL and no keys set (then accounts cannot be connected).
   */
  tokenEncryptionKeys: TokenKey[] | undefined
  /** Spotify's accounts service and Web API; the simulator (apps/provider-sim) stands in for both. */
  spotifyAccountsUrl: string
  spotifyApiUrl: string
}

export interface RateLimit {
  points: number
  durationSeconds: number
}

export interface RateLimitConfig {
  registerPerIp: RateLimit
  registerPerEmail: RateLimit
  loginPerIp: RateLimit
  loginFailuresPerAccount: RateLimit
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
    fix: string,
  ) {
    super(`${variable} ${problem}. Fix: ${fix}`)
  }
}

type Env = Record<string, string | undefined>

const defaultDataDir = path.resolve(import.meta.dirname, '../../../.data')

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `is "${raw}", not a whole number between ${min} and ${max}`, `set ${name}=${fallback} or unset it`)
  }
  return value
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase()
  if (raw === undefined || raw === '') return fallback
  if (['1', 'true', 'yes'].includes(raw)) return true
  if (['0', 'false', 'no'].includes(raw)) return false
  throw new ConfigError(name, `is "${env[name]}", not true or false`, `set ${name}=true or ${name}=false`)
}

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

function url(env: Env, name: string, protocols: string[], example: string): string | undefined {
  const raw = env[name]
  if (raw === undefined || raw === '') return undefined
  let parsed: URL
  try {
    parsed = new URL(raw)
  } catch {
    throw new ConfigError(name, 'is not a valid URL', `use the form ${example}, or unset it for the embedded default`)
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `has protocol "${parsed.protocol}"`, `use the form ${example}, or unset it for the embedded default`)
  }
  return raw
}

const trimSlash = (value: string) => value.replace(/\/+$/, '')

/** In embedded mode the JWT secret is generated once per install and kept with the data. */
function embeddedJwtSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(48).toString('base64url')
  writeFileSync(file, secret + '\n', { mode: 0o600 })
  return secret
}

function jwtSecret(env: Env, embedded: boolean, dataDir: string): string {
  const raw = env.JWT_SECRET
  if (raw === undefined || raw === '') {
    if (embedded) return embeddedJwtSecret(dataDir)
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

const KEY_EXAMPLE = 'TOKEN_ENCRYPTION_KEYS=k2:<base64 of 32 random bytes>,k1:<older key> (generate one with `openssl rand -base64 32`)'

function tokenKey(variable: string, id: string, encoded: string): TokenKey {
  const key = Buffer.from(encoded, 'base64')
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded) || key.length !== 32) {
    throw new ConfigError(variable, `has key "${id}" that is ${key.length} bytes once base64-decoded; AES-256 needs exactly 32`, `set ${KEY_EXAMPLE}`)
  }
  return { id, key }
}

/** "k2:base64,k1:base64": the current key first; older keys still open what they sealed. */
export function parseTokenKeys(raw: string, variable = 'TOKEN_ENCRYPTION_KEYS'): TokenKey[] {
  const keys = raw.split(',').map((entry) => entry.trim()).filter(Boolean).map((entry) => {
    const match = /^([A-Za-z0-9._-]{1,32}):(.+)$/.exec(entry)
    if (!match) throw new ConfigError(variable, 'has an entry that is not <key id>:<base64 key>', `set ${KEY_EXAMPLE}`)
    return tokenKey(variable, match[1]!, match[2]!)
  })
  if (keys.length === 0) throw new ConfigError(variable, 'is empty', `set ${KEY_EXAMPLE}`)
  const ids = keys.map((k) => k.id)
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i)
  if (repeated) throw new ConfigError(variable, `lists key id "${repeated}" twice`, 'give every key its own id and never reuse an old id for a new key')
  return keys
}

/** In embedded mode one key is generated per install and kept with the data, like the JWT secret. */
function embeddedTokenKeys(dataDir: string): TokenKey[] {
  const file = path.join(dataDir, 'token-encryption-keys')
  if (existsSync(file)) return parseTokenKeys(readFileSync(file, 'utf8').trim(), `the file ${file}`)
  mkdirSync(dataDir, { recursive: true })
  const line = `local1:${randomBytes(32).toString('base64')}`
  writeFileSync(file, line + '\n', { mode: 0o600 })
  return parseTokenKeys(line)
}

export function tokenEncryptionKeys(env: Env, embedded: boolean, dataDir: string): TokenKey[] | undefined {
  if (env.TOKEN_ENCRYPTION_KEYS) return parseTokenKeys(env.TOKEN_ENCRYPTION_KEYS)
  // The Kubernetes Secret carries one bare key; its id is the key's own short fingerprint.
  if (env.TOKEN_ENCRYPTION_KEY) {
    const key = tokenKey('TOKEN_ENCRYPTION_KEY', 'single', env.TOKEN_ENCRYPTION_KEY.trim())
    return [{ id: `k-${createHash('sha256').update(key.key).digest('hex').slice(0, 8)}`, key: key.key }]
  }
  return embedded ? embeddedTokenKeys(dataDir) : undefined
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
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:'], 'redis://host:6379'),
    dataDir,
    jwtSecret: jwtSecret(env, embedded, dataDir),
    corsAllowedOrigins: origins(env),
    cookieSecure: boolean(env, 'COOKIE_SECURE', nodeEnv === 'production'),
    trustProxy: boolean(env, 'TRUST_PROXY', false),
    accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400),
    refreshTokenTtlSeconds: integer(env, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 86400, 300, 365 * 86400),
    migrateOnStart: boolean(env, 'MIGRATE_ON_START', embedded),
    rateLimits: {
      registerPerIp: rateLimit(env, 'RATE_LIMIT_REGISTER_PER_IP', '20/10m'),
      registerPerEmail: rateLimit(env, 'RATE_LIMIT_REGISTER_PER_EMAIL', '5/1h'),
      loginPerIp: rateLimit(env, 'RATE_LIMIT_LOGIN_PER_IP', '60/10m'),
      loginFailuresPerAccount: rateLimit(env, 'RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT', '10/15m'),
    },
    ...spotifyCredentials(env),
    musicbrainzUserAgent: env.MUSICBRAINZ_USER_AGENT || undefined,
    tokenEncryptionKeys: tokenEncryptionKeys(env, embedded, dataDir),
    spotifyAccountsUrl: trimSlash(url(env, 'SPOTIFY_ACCOUNTS_URL', ['https:', 'http:'], 'https://accounts.spotify.com') ?? 'https://accounts.spotify.com'),
    spotifyApiUrl: trimSlash(url(env, 'SPOTIFY_API_URL', ['https:', 'http:'], 'https://api.spotify.com/v1') ?? 'https://api.spotify.com/v1'),
  }
}
