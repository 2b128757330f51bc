import { GrantRevokedError, ProviderRequestError } from './provider-errors.ts'
import type { AuthorizeRequest, TokenGrant } from './provider.ts'
import { classifySpotifyResponse, parseJson, send, type HttpDeps } from './spotify-http.ts'

// Spotify's accounts service: authorization code with PKCE. No client secret is involved, so the
// refresh token is bound to our client id alone and Spotify may rotate it on each refresh.

/** Just enough to read what the planner needs and to change it; nothing about the person. */
export const SPOTIFY_SCOPES = {
  read: ['user-library-read', 'user-follow-read', 'playlist-read-private', 'playlist-read-collaborative'],
  enforce: ['user-library-modify', 'user-follow-modify', 'playlist-modify-private', 'playlist-modify-public'],
} as const

export interface SpotifyAccountsConfig {
  clientId: string
  accountsUrl: string
  /** Where the listener's browser reaches the consent page, when not at accountsUrl (a simulator in a cluster). */
  authorizeBaseUrl?: string
}

export function spotifyAuthorizeUrl(config: SpotifyAccountsConfig, request: AuthorizeRequest): string {
  const url = new URL(`${config.authorizeBaseUrl ?? config.accountsUrl}/authorize`)
  url.search = new URLSearchParams({
    client_id: config.clientId,
    response_type: 'code',
    redirect_uri: request.redirectUri,
    scope: request.scopes.join(' '),
    state: request.state,
    code_challenge_method: 'S256',
    code_challenge: request.codeChallenge,
  }).toString()
  return url.toString()
}

interface TokenResponse {
  access_token?: string
  refresh_token?: string
  expires_in?: number
  scope?: string
  error?: string
  error_description?: string
}

async function tokenRequest(config: SpotifyAccountsConfig, deps: HttpDeps, form: Record<string, string>, grant: 'code' | 'refresh'): Promise<TokenGrant> {
  const { response, body } = await send(deps, `${config.accountsUrl}/api/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...form, client_id: config.clientId }).toString(),
  }, false)
  const data = (() => {
    try {
      return parseJson<TokenResponse>(body)
    } catch {
      return {} as TokenResponse
    }
  })()
  if (response.status === 400 && data.error === 'invalid_grant') {
    // On refresh: revoked by the listener, rotated by another refresh, or expired. On exchange: a
    // wrong, used or expired code, or a verifier that does not match the challenge.
    if (grant === 'refresh') throw new GrantRevokedError('spotify', data.error_description)
    throw new ProviderRequestError('spotify', 400, `invalid_grant${data.error_description ? `: ${data.error_description}` : ''}`)
  }
  const error = classifySpotifyResponse(response, body, { write: false, now: deps.now() })
  if (error) throw error
  if (!data.access_token || typeof data.expires_in !== 'number') {
    throw new ProviderRequestError('spotify', response.status, 'token response without access_token or expires_in')
  }
  return {
    accessToken: data.access_token,
    refreshToken: data.refresh_token || undefined,
    expiresAt: new Date(deps.now() + data.expires_in * 1000),
    scopes: data.scope ? data.scope.split(' ').filter(Boolean) : [],
  }
}

export const exchangeSpotifyCode = (config: SpotifyAccountsConfig, deps: HttpDeps, input: { code: string; codeVerifier: string; redirectUri: string }) =>
  tokenRequest(config, deps, { grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri, code_verifier: input.codeVerifier }, 'code')

export const refreshSpotifyToken = (config: SpotifyAccountsConfig, deps: HttpDeps, refreshToken: string) =>
  tokenRequest(config, deps, { grant_type: 'refresh_token', refresh_token: refreshToken }, 'refresh')
