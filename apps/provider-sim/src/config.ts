import type { SimulatorOptions } from './context.ts'
import { validateFaults, type FaultConfig } from './faults.ts'

// The server's configuration from the environment, parsed once: a bad value stops the process with the
// variable's name and what it should look like.

export class ConfigError extends Error {}

export interface ServerConfig {
  host: string
  port: number
  simulator: SimulatorOptions
}

type Env = Record<string, string | undefined>

function int(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new ConfigError(`${name}="${raw}" must be a whole number ≥ ${min}`)
  return Number(raw)
}

function optionalInt(env: Env, name: string, min = 0): number | undefined {
  return env[name] === undefined || env[name] === '' ? undefined : int(env, name, 0, min)
}

function rate(env: Env, name: string): number | undefined {
  const raw = env[name]
  if (raw === undefined || raw === '') return undefined
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new ConfigError(`${name}="${raw}" must be a number from 0 to 1 (a share of calls)`)
  return value
}

function list(env: Env, name: string): string[] | undefined {
  const values = (env[name] ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  return values.length > 0 ? values : undefined
}

function faultsFrom(env: Env): Partial<FaultConfig> {
  const faults: Partial<FaultConfig> = {}
  const rateLimit = optionalInt(env, 'SIM_RATE_LIMIT', 1)
  if (rateLimit !== undefined) faults.rateLimit = rateLimit
  const windowSeconds = optionalInt(env, 'SIM_RATE_WINDOW_SECONDS', 1)
  if (windowSeconds !== undefined) faults.rateWindowSeconds = windowSeconds
  const retryAfter = optionalInt(env, 'SIM_RETRY_AFTER_SECONDS')
  if (retryAfter !== undefined) faults.retryAfterSeconds = retryAfter
  if (env.SIM_QUOTA_EXCEEDED) faults.quotaExceeded = ['1', 'true', 'yes'].includes(env.SIM_QUOTA_EXCEEDED)
  const errorRate = rate(env, 'SIM_5XX_RATE')
  if (errorRate !== undefined) faults.serverErrorRate = errorRate
  const latency = optionalInt(env, 'SIM_LATENCY_MS')
  if (latency !== undefined) faults.latencyMs = latency
  const lostRate = rate(env, 'SIM_LOST_RESPONSE_RATE')
  if (lostRate !== undefined) faults.lostResponseRate = lostRate
  if (env.SIM_LOST_RESPONSE_MODE) faults.lostResponseMode = env.SIM_LOST_RESPONSE_MODE as FaultConfig['lostResponseMode']
  if (env.SIM_5XX_STATUS) faults.serverErrorStatus = Number(env.SIM_5XX_STATUS) as FaultConfig['serverErrorStatus']
  const problems = validateFaults(faults)
  if (problems.length > 0) throw new ConfigError(`fault settings: ${problems.join('; ')} (SIM_LOST_RESPONSE_MODE is socket-hang-up or bad-gateway; SIM_5XX_STATUS is 500, 502 or 503)`)
  return faults
}

export function loadConfig(env: Env = process.env): ServerConfig {
  const profile = env.SIM_PROFILE_FIELDS ?? 'dev-mode'
  if (profile !== 'dev-mode' && profile !== 'extended') throw new ConfigError(`SIM_PROFILE_FIELDS="${profile}" must be dev-mode or extended`)
  return {
    // SIM_HOST/SIM_PORT first: under `npm start` the API's PORT and HOST are in the same environment.
    host: env.SIM_HOST || env.HOST || '127.0.0.1',
    port: env.SIM_PORT ? int(env, 'SIM_PORT', 4000, 1) : int(env, 'PORT', 4000, 1),
    simulator: {
      seed: int(env, 'SIM_SEED', 1),
      clientIds: list(env, 'SIM_CLIENT_IDS'),
      redirectUris: list(env, 'SIM_REDIRECT_URIS'),
      accessTokenTtlSeconds: int(env, 'SIM_ACCESS_TOKEN_TTL_SECONDS', 3600, 1),
      rotateRefreshTokens: env.SIM_ROTATE_REFRESH_TOKENS !== 'false',
      benchTracks: int(env, 'SIM_BENCH_TRACKS', 10_000),
      adminToken: env.SIM_ADMIN_TOKEN || undefined,
      publicUrl: env.SIM_PUBLIC_URL || undefined,
      profileFields: profile,
      faults: faultsFrom(env),
      logger: env.SIM_LOG !== 'false',
    },
  }
}
