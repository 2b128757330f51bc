import type { FastifyInstance, FastifyReply } from 'fastify'
import type { SimContext } from '../context.ts'
import { OAuthError } from '../errors.ts'
import { consentPage, errorPage } from './consent-page.ts'
import { pkceChallenge, randomToken, type Grant } from './grants.ts'
import { knownScopes, parseScopes } from './scopes.ts'

// The accounts service (accounts.spotify.com): /authorize shows the consent screen, /api/token exchanges
// codes (PKCE S256, no secret) and refresh tokens.

type Query = Record<string, string | undefined>

/** Spotify accepts https, or http on a loopback IP; `localhost` is refused since 2025. */
export function redirectUriProblem(uri: string, registered: string[] | undefined): string | null {
  let url: URL
  try {
    url = new URL(uri)
  } catch {
    return 'INVALID_CLIENT: Invalid redirect URI'
  }
  if (url.hostname === 'localhost') return 'INVALID_CLIENT: Insecure redirect URI (use a loopback IP such as 127.0.0.1 instead of localhost)'
  const loopback = url.hostname === '127.0.0.1' || url.hostname === '[::1]'
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return 'INVALID_CLIENT: Insecure redirect URI'
  if (registered && !registered.includes(uri)) return 'INVALID_CLIENT: Invalid redirect URI'
  return null
}

function redirectWith(reply: FastifyReply, redirectUri: string, params: Record<string, string | undefined>) {
  const url = new URL(redirectUri)
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v)
  return reply.redirect(url.toString(), 302)
}

function tokenResponse(ctx: SimContext, grant: Grant, includeRefresh: boolean) {
  const access = ctx.grants.issueAccessToken(grant)
  return {
    access_token: access.token,
    token_type: 'Bearer',
    expires_in: ctx.options.accessTokenTtlSeconds,
    ...(includeRefresh ? { refresh_token: grant.refreshToken } : {}),
    scope: grant.scopes.join(' '),
  }
}

export function accountsRoutes(app: FastifyInstance, ctx: SimContext) {
  app.get('/authorize', async (request, reply) => {
    const q = request.query as Query
    reply.type('text/html')
    if (!q.client_id || !ctx.options.clientIds.includes(q.client_id)) return reply.code(400).send(errorPage('INVALID_CLIENT: Invalid client'))
    const redirectProblem = q.redirect_uri ? redirectUriProblem(q.redirect_uri, ctx.options.redirectUris) : 'INVALID_CLIENT: Invalid redirect URI'
    if (redirectProblem) return reply.code(400).send(errorPage(redirectProblem))
    const redirectUri = q.redirect_uri!
    if (q.response_type !== 'code') return redirectWith(reply, redirectUri, { error: 'unsupported_response_type', state: q.state })
    const scopes = parseScopes(q.scope)
    if (scopes.some((s) => !(s in knownScopes))) return redirectWith(reply, redirectUri, { error: 'invalid_scope', state: q.state })
    // No client secret exists here, so PKCE is the only proof of the client: it is required, and only S256.
    if (!q.code_challenge || q.code_challenge_method !== 'S256') return redirectWith(reply, redirectUri, { error: 'invalid_request', error_description: 'code_challenge with code_challenge_method=S256 is required', state: q.state })
    const id = randomToken(16)
    ctx.grants.pending.set(id, { id, clientId: q.client_id, redirectUri, scopes, state: q.state, codeChallenge: q.code_challenge, expiresAt: ctx.clock.now() + 30 * 60_000 })
    return reply.send(consentPage({ requestId: id, clientId: q.client_id, scopes, users: [...ctx.state.users.values()] }))
  })

  app.post('/authorize/decision', async (request, reply) => {
    const body = (request.body ?? {}) as Query
    const pending = ctx.grants.pending.get(body.request_id ?? '')
    if (!pending || pending.expiresAt <= ctx.clock.now()) return reply.code(400).type('text/html').send(errorPage('This authorization request expired. Start again from the application.'))
    ctx.grants.pending.delete(pending.id)
    if (body.decision !== 'approve') return redirectWith(reply, pending.redirectUri, { error: 'access_denied', state: pending.state })
    const user = ctx.state.users.get(body.user ?? '')
    if (!user) return reply.code(400).type('text/html').send(errorPage(`Unknown user "${body.user ?? ''}"`))
    const code = randomToken()
    ctx.grants.codes.set(code, {
      code,
      clientId: pending.clientId,
      redirectUri: pending.redirectUri,
      scopes: pending.scopes,
      userId: user.id,
      codeChallenge: pending.codeChallenge,
      expiresAt: ctx.clock.now() + ctx.options.authorizationCodeTtlSeconds * 1000,
      used: false,
    })
    return redirectWith(reply, pending.redirectUri, { code, state: pending.state })
  })

  app.post('/api/token', async (request, reply) => {
    const body = (request.body ?? {}) as Query
    try {
      const clientId = body.client_id ?? basicClientId(request.headers.authorization)
      if (!clientId || !ctx.options.clientIds.includes(clientId)) throw new OAuthError('invalid_client', 'Invalid client')
      if (body.grant_type === 'authorization_code') return tokenResponse(ctx, exchangeCode(ctx, clientId, body), true)
      if (body.grant_type === 'refresh_token') {
        const grant = ctx.grants.grantByRefreshToken(body.refresh_token ?? '')
        if (!grant) throw new OAuthError('invalid_grant', 'Invalid refresh token')
        if (grant.revoked) throw new OAuthError('invalid_grant', 'Refresh token revoked')
        if (grant.clientId !== clientId) throw new OAuthError('invalid_client', 'Invalid client')
        if (ctx.options.rotateRefreshTokens) grant.refreshToken = randomToken()
        return tokenResponse(ctx, grant, ctx.options.rotateRefreshTokens)
      }
      throw new OAuthError('unsupported_grant_type', `grant_type must be authorization_code or refresh_token`)
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error
      return reply.code(error.status).send({ error: error.code, error_description: error.description })
    }
  })
}

function basicClientId(header: string | undefined): string | undefined {
  if (!header?.startsWith('Basic ')) return undefined
  return Buffer.from(header.slice(6), 'base64').toString('utf8').split(':')[0]
}

function exchangeCode(ctx: SimContext, clientId: string, body: Query): Grant {
  const code = ctx.grants.codes.get(body.code ?? '')
  if (!code || code.used) throw new OAuthError('invalid_grant', 'Invalid authorization code')
  // Single use: the first exchange burns the code, even one that fails on the verifier (no guessing).
  code.used = true
  if (code.clientId !== clientId) throw new OAuthError('invalid_grant', 'Invalid authorization code')
  if (code.expiresAt <= ctx.clock.now()) throw new OAuthError('invalid_grant', 'Authorization code expired')
  if (body.redirect_uri !== code.redirectUri) throw new OAuthError('invalid_grant', 'Invalid redirect URI')
  if (!body.code_verifier || pkceChallenge(body.code_verifier) !== code.codeChallenge) throw new OAuthError('invalid_grant', 'code_verifier was incorrect')
  return ctx.grants.createGrant(code)
}
