import { describe, expect, it } from 'vitest'
import { allScopes, api, authorize, connect, exchange, form, redirectUri, simulator } from './helpers.ts'

const authorizeUrl = (params: Record<string, string>) =>
  `/authorize?${new URLSearchParams({ client_id: 'ndith-dev', response_type: 'code', scope: 'user-library-read', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256', state: 's', ...params })}`

describe('accounts service: authorize', () => {
  it('shows a consent screen listing the requested scopes and the seeded users', async () => {
    const { sim } = await simulator()
    const page = await sim.inject({ method: 'GET', url: authorizeUrl({ redirect_uri: redirectUri, scope: 'user-library-read playlist-modify-private' }) })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toContain('text/html')
    expect(page.body).toContain('user-library-read')
    expect(page.body).toContain('playlist-modify-private')
    for (const user of ['alice', 'bob', 'carol', 'dana']) expect(page.body).toContain(`value="${user}"`)
  })

  it('refuses localhost and plain-http non-loopback redirect URIs, accepts https and 127.0.0.1', async () => {
    const { sim } = await simulator()
    const status = async (uri: string) => (await sim.inject({ method: 'GET', url: authorizeUrl({ redirect_uri: uri }) })).statusCode
    expect(await status('http://localhost:5173/callback')).toBe(400)
    expect(await status('http://example.com/callback')).toBe(400)
    expect(await status('https://ndith.example/callback')).toBe(200)
    expect(await status('http://127.0.0.1:5173/callback')).toBe(200)
  })

  it('refuses an unknown client id, and only registered redirect URIs when a list is configured', async () => {
    const { sim } = await simulator({ redirectUris: ['http://127.0.0.1:5173/ok'] })
    expect((await sim.inject({ method: 'GET', url: authorizeUrl({ client_id: 'someone-else', redirect_uri: 'http://127.0.0.1:5173/ok' }) })).statusCode).toBe(400)
    expect((await sim.inject({ method: 'GET', url: authorizeUrl({ redirect_uri: 'http://127.0.0.1:5173/other' }) })).statusCode).toBe(400)
    expect((await sim.inject({ method: 'GET', url: authorizeUrl({ redirect_uri: 'http://127.0.0.1:5173/ok' }) })).statusCode).toBe(200)
  })

  it('redirects back with invalid_request when PKCE S256 is missing', async () => {
    const { sim } = await simulator()
    const response = await sim.inject({ method: 'GET', url: authorizeUrl({ redirect_uri: redirectUri, code_challenge_method: 'plain' }) })
    expect(response.statusCode).toBe(302)
    const location = new URL(response.headers.location as string)
    expect(location.searchParams.get('error')).toBe('invalid_request')
    expect(location.searchParams.get('state')).toBe('s')
  })

  it('Deny redirects with error=access_denied and the state', async () => {
    const { sim } = await simulator()
    const page = await sim.inject({ method: 'GET', url: authorizeUrl({ redirect_uri: redirectUri }) })
    const requestId = /name="request_id" value="([^"]+)"/.exec(page.body)![1]!
    const response = await sim.inject({ method: 'POST', url: '/authorize/decision', ...form({ request_id: requestId, user: 'alice', decision: 'deny' }) })
    const location = new URL(response.headers.location as string)
    expect(location.origin + location.pathname).toBe(redirectUri)
    expect(Object.fromEntries(location.searchParams)).toEqual({ error: 'access_denied', state: 's' })
  })
})

describe('accounts service: token', () => {
  it('exchanges a code with the right verifier for Bearer tokens with the granted scopes', async () => {
    const { sim } = await simulator()
    const { code, verifier, state } = await authorize(sim, 'alice', ['user-library-read'])
    expect(state).toBe('state-123')
    const response = await exchange(sim, code, verifier)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'user-library-read' })
    expect(response.json().refresh_token).toEqual(expect.any(String))
  })

  it('rejects a wrong PKCE verifier, and the code is spent afterwards', async () => {
    const { sim } = await simulator()
    const { code, verifier } = await authorize(sim, 'alice')
    const wrong = await exchange(sim, code, 'not-the-verifier-' + 'x'.repeat(30))
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json()).toEqual({ error: 'invalid_grant', error_description: 'code_verifier was incorrect' })
    expect((await exchange(sim, code, verifier)).json().error).toBe('invalid_grant')
  })

  it('rejects a replayed authorization code', async () => {
    const { sim } = await simulator()
    const { code, verifier } = await authorize(sim, 'alice')
    expect((await exchange(sim, code, verifier)).statusCode).toBe(200)
    const replay = await exchange(sim, code, verifier)
    expect(replay.statusCode).toBe(400)
    expect(replay.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid authorization code' })
  })

  it('rejects an expired code and a different redirect_uri', async () => {
    const { sim, clock } = await simulator()
    const first = await authorize(sim, 'alice')
    clock.advance(61_000)
    expect((await exchange(sim, first.code, first.verifier)).json().error_description).toBe('Authorization code expired')
    const second = await authorize(sim, 'alice')
    const response = await sim.inject({ method: 'POST', url: '/api/token', ...form({ grant_type: 'authorization_code', code: second.code, redirect_uri: 'http://127.0.0.1:1/other', client_id: 'ndith-dev', code_verifier: second.verifier }) })
    expect(response.json().error).toBe('invalid_grant')
  })

  it('an expired access token answers 401 "The access token expired"; a refresh gives a working one', async () => {
    const { sim, clock } = await simulator({ accessTokenTtlSeconds: 600 })
    const tokens = await connect(sim, 'alice')
    expect((await api(sim, tokens.access_token).get('/v1/me')).statusCode).toBe(200)
    clock.advance(600_000)
    const expired = await api(sim, tokens.access_token).get('/v1/me')
    expect(expired.statusCode).toBe(401)
    expect(expired.json()).toEqual({ error: { status: 401, message: 'The access token expired' } })
    const refreshed = await sim.inject({ method: 'POST', url: '/api/token', ...form({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: 'ndith-dev' }) })
    expect(refreshed.statusCode).toBe(200)
    expect(refreshed.json().scope).toBe(allScopes.join(' '))
    expect((await api(sim, refreshed.json().access_token).get('/v1/me')).json().id).toBe('alice')
  })

  it('rotates refresh tokens: the old one answers invalid_grant after use', async () => {
    const { sim } = await simulator()
    const tokens = await connect(sim, 'alice')
    const refresh = (token: string) => sim.inject({ method: 'POST', url: '/api/token', ...form({ grant_type: 'refresh_token', refresh_token: token, client_id: 'ndith-dev' }) })
    const first = await refresh(tokens.refresh_token)
    expect(first.json().refresh_token).not.toBe(tokens.refresh_token)
    expect((await refresh(tokens.refresh_token)).json().error).toBe('invalid_grant')
    expect((await refresh(first.json().refresh_token)).statusCode).toBe(200)
  })

  it('keeps the refresh token when rotation is off (the response then has no refresh_token)', async () => {
    const { sim } = await simulator({ rotateRefreshTokens: false })
    const tokens = await connect(sim, 'alice')
    const refresh = () => sim.inject({ method: 'POST', url: '/api/token', ...form({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: 'ndith-dev' }) })
    expect((await refresh()).json().refresh_token).toBeUndefined()
    expect((await refresh()).statusCode).toBe(200)
  })

  it('a revoked grant answers 400 invalid_grant on refresh and 401 on the Web API', async () => {
    const { sim } = await simulator()
    const tokens = await connect(sim, 'alice')
    expect((await sim.inject({ method: 'POST', url: '/admin/users/alice/revoke' })).json()).toEqual({ revokedGrants: 1 })
    const refresh = await sim.inject({ method: 'POST', url: '/api/token', ...form({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: 'ndith-dev' }) })
    expect(refresh.statusCode).toBe(400)
    expect(refresh.json()).toEqual({ error: 'invalid_grant', error_description: 'Refresh token revoked' })
    expect((await api(sim, tokens.access_token).get('/v1/me')).statusCode).toBe(401)
  })

  it('answers 403 when the token lacks the scope an endpoint needs', async () => {
    const { sim } = await simulator()
    const tokens = await connect(sim, 'alice', ['user-library-read'])
    const response = await api(sim, tokens.access_token).get('/v1/me/following?type=artist')
    expect(response.statusCode).toBe(403)
    expect(response.json()).toEqual({ error: { status: 403, message: 'Insufficient client scope' } })
  })
})
