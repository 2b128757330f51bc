import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ConfigError, trimSlash, url, type Env } from './config-values.ts'
import type { TokenKey } from './features/connections/token-vault.ts'

/** One Spotify-compatible service the API can connect: the real Spotify or the simulator. */
export interface SpotifyEndpoints {
  clientId: string
  /** Accounts service (token endpoint) as the API reaches it. */
  accountsUrl: string
  /** The consent page's origin as the listener's browser reaches it. */
  authorizeBaseUrl: string
  /** Web API base, ending in /v1. */
  apiUrl: string
}

export interface ConnectionsConfig {
  /**
   * Seals streaming-provider tokens at rest, current key first. Generated under dataDir in embedded
   * mode; undefined with DATABASE_URL and no keys set (then no account can be connected).
   */
  tokenEncryptionKeys: TokenKey[] | undefined
  /** Where the listener's browser runs the web app: the connect flow returns there. */
  appUrl: string
  /** The real Spotify, offered when SPOTIFY_CLIENT_ID is set. */
  spotify: SpotifyEndpoints | undefined
  /** "Spotify (simulated)", offered when SIMULATOR_URL is set (apps/provider-sim). */
  simulator: SpotifyEndpoints | undefined
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

/** A secret generated once per embedded install and kept with its data (the JWT secret, the token key). */
export function generatedOnce(dataDir: string, name: string, make: () => string): string {
  const file = path.join(dataDir, name)
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const value = make()
  writeFileSync(file, value + '\n', { mode: 0o600 })
  return value
}

export function tokenEncryptionKeys(env: Env, embedded: boolean, dataDir: string): TokenKey[] | undefined {
  if (env.TOKEN_ENCRYPTION_KEYS) return parseTokenKeys(env.TOKEN_ENCRYPTION_KEYS)
  if (!embedded) return undefined
  return parseTokenKeys(generatedOnce(dataDir, 'token-encryption-keys', () => `local1:${randomBytes(32).toString('base64')}`), `the file ${path.join(dataDir, 'token-encryption-keys')}`)
}

const baseUrl = (env: Env, name: string, example: string) => {
  const value = url(env, name, ['https:', 'http:'], example)
  return value === undefined ? undefined : trimSlash(value)
}

function realSpotify(env: Env): SpotifyEndpoints | undefined {
  const clientId = env.SPOTIFY_CLIENT_ID || undefined
  if (!clientId) return undefined
  const accountsUrl = baseUrl(env, 'SPOTIFY_ACCOUNTS_URL', 'https://accounts.spotify.com') ?? 'https://accounts.spotify.com'
  return { clientId, accountsUrl, authorizeBaseUrl: accountsUrl, apiUrl: baseUrl(env, 'SPOTIFY_API_URL', 'https://api.spotify.com/v1') ?? 'https://api.spotify.com/v1' }
}

function simulatedSpotify(env: Env): SpotifyEndpoints | undefined {
  const accountsUrl = baseUrl(env, 'SIMULATOR_URL', 'http://127.0.0.1:4000')
  if (!accountsUrl) return undefined
  return {
    clientId: env.SIMULATOR_CLIENT_ID || 'ndith-dev',
    accountsUrl,
    authorizeBaseUrl: baseUrl(env, 'SIMULATOR_PUBLIC_URL', 'http://127.0.0.1:4000') ?? accountsUrl,
    apiUrl: `${accountsUrl}/v1`,
  }
}

export function loadConnectionsConfig(env: Env, embedded: boolean, dataDir: string): ConnectionsConfig {
  return {
    tokenEncryptionKeys: tokenEncryptionKeys(env, embedded, dataDir),
    appUrl: baseUrl(env, 'APP_URL', 'http://localhost:5000') ?? 'http://localhost:5000',
    spotify: realSpotify(env),
    simulator: simulatedSpotify(env),
  }
}
