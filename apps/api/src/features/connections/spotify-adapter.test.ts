import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { startHttpStub, type HttpStub } from '../../../test/support/http-stub.ts'
import { codeChallengeS256, createCodeVerifier, createState, hashState } from './pkce.ts'
import {
  AccessTokenRejectedError, ProviderRequestError, ProviderUnavailableError, RateLimitedError,
} from './provider-errors.ts'
import type { AccessTokenSource } from './provider.ts'
import { SPOTIFY_SCOPES, spotifyAuthorizeUrl } from './spotify-accounts.ts'
import { createSpotifyAdapter, creditedArtists, SPOTIFY_LIMITS } from './spotify-adapter.ts'
import { classifySpotifyResponse, DEFAULT_RETRY_AFTER_SECONDS, parseRetryAfter } from './spotify-http.ts'

const now = Date.parse('2026-11-29T12:00:00Z')

describe('PKCE', () => {
  it('makes verifiers of 43 to 128 unreserved characters, different every time', () => {
    const verifier = createCodeVerifier()
    expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/)
    expect(createCodeVerifier()).not.toBe(verifier)
  })

  it('derives the S256 challenge as base64url(SHA-256(verifier)) without padding (RFC 7636 appendix B)', () => {
    expect(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')
  })

  it('stores only a hash of the state', () => {
    const state = createState()
    expect(hashState(state)).toBe(createHash('sha256').update(state).digest('hex'))
    expect(state.length).toBeGreaterThanOrEqual(43)
  })
})

describe('authorize URL', () => {
  it('asks for a code with an S256 challenge, the given scopes and the loopback redirect', () => {
    const url = new URL(spotifyAuthorizeUrl({ clientId: 'client-1', accountsUrl: 'http://127.0.0.1:4000' }, {
      redirectUri: 'http://127.0.0.1:3000/api/v1/connections/spotify/callback',
      state: 'state-1',
      codeChallenge: 'challenge-1',
      scopes: SPOTIFY_SCOPES.read,
    }))
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:4000/authorize')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'client-1',
      response_type: 'code',
      redirect_uri: 'http://127.0.0.1:3000/api/v1/connections/spotify/callback',
      scope: 'user-library-read user-follow-read playlist-read-private playlist-read-collaborative',
      state: 'state-1',
      code_challenge_method: 'S256',
      code_challenge: 'challenge-1',
    })
  })
})

describe('classifying Spotify answers', () => {
  const classify = (response: Response, body = '', write = false) => classifySpotifyResponse(response, body, { write, now })

  it('429 becomes RateLimited carrying Retry-After seconds', () => {
    const error = classify(new Response('', { status: 429, headers: { 'retry-after': '7' } }))
    expect(error).toBeInstanceOf(RateLimitedError)
    expect(error).toMatchObject({ retryAfterSeconds: 7, quotaExceeded: false, retryable: true })
  })

  it('429 with QUOTA_EXCEEDED is flagged as the app quota', () => {
    const body = JSON.stringify({ error: { status: 429, message: 'API rate limit exceeded', reason: 'QUOTA_EXCEEDED' } })
    expect(classify(new Response(body, { status: 429, headers: { 'retry-after': '3600' } }), body)).toMatchObject({ quotaExceeded: true, retryAfterSeconds: 3600 })
  })

  it('reads Retry-After as an HTTP date, and waits out the 30-second window when it is missing', () => {
    expect(parseRetryAfter(new Date(now + 12_000).toUTCString(), now)).toBe(12)
    expect(parseRetryAfter(null, now)).toBe(DEFAULT_RETRY_AFTER_SECONDS)
    expect(parseRetryAfter('soon', now)).toBe(DEFAULT_RETRY_AFTER_SECONDS)
  })

  it('401 means the access token was rejected', () => {
    expect(classify(new Response('', { status: 401 }))).toBeInstanceOf(AccessTokenRejectedError)
  })

  it('5xx is retryable; for a write its outcome is unknown', () => {
    expect(classify(new Response('', { status: 502 }))).toMatchObject({ retryable: true, outcomeUnknown: false })
    const write = classify(new Response('', { status: 503 }), '', true)
    expect(write).toBeInstanceOf(ProviderUnavailableError)
    expect(write).toMatchObject({ outcomeUnknown: true })
  })

  it('other refusals are final and keep Spotify\'s message', () => {
    const body = JSON.stringify({ error: { status: 403, message: 'You cannot view items of a playlist you do not own' } })
    const error = classify(new Response(body, { status: 403 }), body)
    expect(error).toBeInstanceOf(ProviderRequestError)
    expect(error).toMatchObject({ status: 403, retryable: false, providerMessage: 'You cannot view items of a playlist you do not own' })
  })

  it('a success is not an error', () => {
    expect(classify(new Response('{}', { status: 200 }))).toBeNull()
  })
})

describe('artist roles', () => {
  it('album artists are primary; other credited artists are featured', () => {
    const track = {
      id: 't1', uri: 'spotify:track:t1', name: 'Song (feat. Guest)',
      artists: [{ id: 'a', name: 'Main' }, { id: 'g', name: 'Guest' }],
      album: { artists: [{ id: 'a', name: 'Main' }] },
    }
    expect(creditedArtists(track).map((a) => [a.id, a.role])).toEqual([['a', 'primary'], ['g', 'featured']])
  })
})

describe('Spotify adapter over HTTP', () => {
  let stub: HttpStub | undefined
  afterEach(async () => {
    await stub?.close()
    stub = undefined
  })
  const tokens: AccessTokenSource = { current: async () => 'token-1', afterRejected: async () => 'token-2' }
  const adapterFor = (url: string) => createSpotifyAdapter({ clientId: 'client-1', accountsUrl: url, apiUrl: `${url}/v1` })

  it('reads saved tracks 50 at a time and hands back the next offset', async () => {
    stub = await startHttpStub({
      'GET /v1/me/tracks': (request) => ({
        json: {
          items: [{ added_at: '2026-01-01T00:00:00Z', track: { id: 't1', uri: 'spotify:track:t1', name: 'One', artists: [{ id: 'a', name: 'A' }] } }],
          limit: Number(request.query.get('limit')), offset: Number(request.query.get('offset')), total: 120, next: 'more',
        },
      }),
    })
    const page = await adapterFor(stub.url).savedTracks(tokens, '50')
    expect(stub.requests[0]!.query.get('limit')).toBe(String(SPOTIFY_LIMITS.pageSize))
    expect(stub.requests[0]!.query.get('offset')).toBe('50')
    expect(page).toEqual({ items: [{ uri: 'spotify:track:t1', id: 't1', name: 'One', addedAt: '2026-01-01T00:00:00Z', artists: [{ id: 'a', name: 'A', role: 'primary' }] }], next: '100', total: 120 })
  })

  it('removes playlist items with the 2026 body and returns the new snapshot id; refuses more than 100', async () => {
    stub = await startHttpStub({ 'DELETE /v1/playlists/p1/items': () => ({ json: { snapshot_id: 'snap-2' } }) })
    const spotify = adapterFor(stub.url)
    expect(await spotify.removePlaylistItems(tokens, 'p1', ['spotify:track:t1'], 'snap-1')).toBe('snap-2')
    expect(JSON.parse(stub.requests[0]!.body)).toEqual({ items: [{ uri: 'spotify:track:t1' }], snapshot_id: 'snap-1' })
    await expect(spotify.removePlaylistItems(tokens, 'p1', Array.from({ length: 101 }, (_, i) => `spotify:track:${i}`))).rejects.toThrow(RangeError)
  })

  it('removes library items by URI, at most 40 a call', async () => {
    stub = await startHttpStub({ 'DELETE /v1/me/library': () => ({ status: 200 }) })
    const spotify = adapterFor(stub.url)
    await spotify.removeFromLibrary(tokens, ['spotify:track:t1', 'spotify:artist:a1'])
    expect(stub.requests[0]!.query.get('uris')).toBe('spotify:track:t1,spotify:artist:a1')
    await expect(spotify.removeFromLibrary(tokens, Array.from({ length: 41 }, (_, i) => `spotify:track:${i}`))).rejects.toThrow(/1 to 40/)
  })

  it('a server that cannot be reached is a retryable provider error', async () => {
    stub = await startHttpStub({})
    const url = stub.url
    await stub.close()
    stub = undefined
    await expect(adapterFor(url).me(tokens)).rejects.toBeInstanceOf(ProviderUnavailableError)
  })
})
