import { describe, expect, it, vi } from 'vitest'
import { createAuthApi } from './auth-api.ts'
import { ApiError, ServerFailureError, ServerUnreachableError, TemporarilyUnavailableError } from './errors.ts'
import { requestJson, type FetchLike } from './http.ts'

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } })

const session = {
  user: { id: '7d1c6a52-8f0e-4a4b-9b53-1f3c1e7f2a10', email: 'a@example.com', createdAt: '2025-11-25T10:00:00.000Z' },
  accessToken: 'token-1',
  tokenType: 'Bearer',
  expiresIn: 900,
}

describe('requestJson', () => {
  it('sends JSON on this origin with the cookie and the bearer token', async () => {
    const fetchFn = vi.fn<FetchLike>(async () => json(200, { ok: true }))

    await requestJson(fetchFn, '/api/v1/things', { method: 'POST', body: { a: 1 }, accessToken: 'tok' })

    const [path, init] = fetchFn.mock.calls[0]!
    expect(path).toBe('/api/v1/things')
    expect(init.credentials).toBe('same-origin')
    expect(init.body).toBe('{"a":1}')
    expect(init.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer tok' })
  })

  it("turns the API's error shape into an ApiError with fields, request id and Retry-After", async () => {
    const body = {
      error: { code: 'RATE_LIMITED', message: 'Too many attempts; try again later', fields: [] },
      requestId: 'req-9',
    }
    const fetchFn: FetchLike = async () => json(429, body, { 'retry-after': '120' })

    const error = await requestJson(fetchFn, '/x').catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED', requestId: 'req-9', retryAfterSeconds: 120 })
  })

  it('reports a network failure as an unreachable server', async () => {
    const fetchFn: FetchLike = async () => {
      throw new TypeError('Failed to fetch')
    }

    await expect(requestJson(fetchFn, '/x')).rejects.toBeInstanceOf(ServerUnreachableError)
  })

  it.each([502, 504])('reports a proxy answering %i without the API error shape as an unreachable server', async (status) => {
    const fetchFn: FetchLike = async () => new Response('<html>Bad Gateway</html>', { status, headers: { 'content-type': 'text/html' } })

    const error = await requestJson(fetchFn, '/x').catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ServerUnreachableError)
    expect(error).not.toBeInstanceOf(ServerFailureError)
  })

  it("reports Vite's proxy answer with the API down (an empty 502) as an unreachable server", async () => {
    const fetchFn: FetchLike = async () => new Response(null, { status: 502, headers: { 'content-type': 'text/plain' } })

    const error = await requestJson(fetchFn, '/x').catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ServerUnreachableError)
    expect(error).not.toBeInstanceOf(ServerFailureError)
  })

  it.each([500, 503])('reports %i without the API error shape as a server error, not an unreachable server', async (status) => {
    const fetchFn: FetchLike = async () => new Response('oops', { status, headers: { 'content-type': 'text/plain', 'x-request-id': 'req-9' } })

    const error = await requestJson(fetchFn, '/x').catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ServerFailureError)
    expect(error).toMatchObject({ status, requestId: 'req-9' })
  })

  it('treats 503 SERVICE_UNAVAILABLE (from the API, or nginx answering for it) as a temporary outage, with its Retry-After', async () => {
    const fetchFn: FetchLike = async () =>
      json(503, { error: { code: 'SERVICE_UNAVAILABLE', message: 'The service is temporarily unavailable' }, requestId: 'r' }, { 'retry-after': '7' })

    const error = await requestJson(fetchFn, '/x').catch((e: unknown) => e)

    expect(error).toBeInstanceOf(TemporarilyUnavailableError)
    expect(error).toBeInstanceOf(ServerUnreachableError)
    expect(error).toMatchObject({ status: 503, retryAfterSeconds: 7 })
  })


  it('keeps a provider outage (502 PROVIDER_UNAVAILABLE) as an ApiError with its message: our server is fine', async () => {
    const fetchFn: FetchLike = async () =>
      json(502, { error: { code: 'PROVIDER_UNAVAILABLE', message: 'Spotify could not be reached; try again in a moment' }, requestId: 'r' })

    await expect(requestJson(fetchFn, '/x')).rejects.toMatchObject({ code: 'PROVIDER_UNAVAILABLE', message: 'Spotify could not be reached; try again in a moment' })
  })

  it('keeps any other 5xx in the error shape (500 INTERNAL) as an ApiError: the server answered, it is a bug', async () => {
    const fetchFn: FetchLike = async () =>
      json(500, { error: { code: 'INTERNAL', message: 'Something went wrong on our side' }, requestId: 'r' })

    await expect(requestJson(fetchFn, '/x')).rejects.toMatchObject({ code: 'INTERNAL', requestId: 'r' })
  })

  it('resolves 204 No Content with undefined', async () => {
    await expect(requestJson(async () => new Response(null, { status: 204 }), '/x')).resolves.toBeUndefined()
  })
})

describe('createAuthApi', () => {
  it('calls the contract paths: register posts the body, refresh posts nothing, me sends the token', async () => {
    const fetchFn = vi.fn<FetchLike>(async () => json(200, session))
    const api = createAuthApi(fetchFn)

    await api.register({ email: 'a@example.com', password: 'pw' })
    await api.refresh()
    await api.me('token-1')

    expect(fetchFn.mock.calls.map(([path, init]) => `${init.method} ${path}`)).toEqual([
      'POST /api/v1/auth/register',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/auth/me',
    ])
    expect(fetchFn.mock.calls[1]![1].body).toBeNull()
    expect(fetchFn.mock.calls[2]![1].headers).toMatchObject({ authorization: 'Bearer token-1' })
  })
})
