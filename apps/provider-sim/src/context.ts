import type { FastifyRequest } from 'fastify'
import type { AccessToken } from './accounts/grants.ts'
import type { GrantStore } from './accounts/grants.ts'
import type { Clock } from './clock.ts'
import type { FaultController, FaultConfig } from './faults.ts'
import type { SimState, SimUser } from './model.ts'
import type { RequestLog } from './request-log.ts'

export interface SimulatorOptions {
  /** Seeds the libraries and the injected faults (default 1): the same seed gives the same everything. */
  seed?: number
  /** Client ids the accounts service accepts (default ['ndith-dev']); PKCE, so no secret. */
  clientIds?: string[]
  /** When set, redirect URIs must be one of these exactly (like an app's registered list). */
  redirectUris?: string[]
  /** Access token lifetime (default 3600 s). */
  accessTokenTtlSeconds?: number
  /** Authorization code lifetime (default 60 s). */
  authorizationCodeTtlSeconds?: number
  /** Each refresh returns a new refresh token and retires the old one (default true). */
  rotateRefreshTokens?: boolean
  /** Liked tracks of the `bench` account (default 10,000). */
  benchTracks?: number
  /** When set, /admin requires `Authorization: Bearer <adminToken>`. */
  adminToken?: string
  /** The starting fault configuration (default: none). */
  faults?: Partial<FaultConfig>
  /** Base URL for `href`/`next` links (default: from the request's Host). */
  publicUrl?: string
  /**
   * 'dev-mode' (default) answers /me as Spotify does for development-mode apps since 2026 (no email,
   * country, product); 'extended' adds them, as for extended-quota apps.
   */
  profileFields?: 'dev-mode' | 'extended'
  clock?: Clock
  /** How injected latency waits (tests pass one that does not). */
  sleep?: (ms: number) => Promise<void>
  logger?: boolean
}

export type ResolvedOptions = Required<Omit<SimulatorOptions, 'redirectUris' | 'adminToken' | 'publicUrl' | 'faults'>> &
  Pick<SimulatorOptions, 'redirectUris' | 'adminToken' | 'publicUrl'>

/** Everything the route modules share; `state` is replaced on reset, so read it through the context. */
export interface SimContext {
  options: ResolvedOptions
  clock: Clock
  state: SimState
  grants: GrantStore
  faults: FaultController
  log: RequestLog
  reseed(): void
}

/** What the bearer check attaches to a Web API request, and what the request log reads. */
export interface SimRequestInfo {
  token?: AccessToken
  user?: SimUser
  clientId?: string
  /** URIs a mutation touched, for the request log. */
  uris?: string[]
  mutation?: boolean
  /** Injected outcome, for the request log. */
  fault?: 'rate_limited' | 'quota_exceeded' | 'server_error' | 'lost_response'
}

declare module 'fastify' {
  interface FastifyRequest {
    sim: SimRequestInfo
  }
}

export function authed(request: FastifyRequest): { user: SimUser; token: AccessToken } {
  const { user, token } = request.sim
  if (!user || !token) throw new Error('route registered without the bearer check')
  return { user, token }
}
