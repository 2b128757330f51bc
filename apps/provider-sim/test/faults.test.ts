import { describe, expect, it } from 'vitest'
import { api, connect, simulator } from './helpers.ts'

const firstTracks = async (sim: Awaited<ReturnType<typeof simulator>>['sim'], n: number): Promise<string[]> =>
  (await sim.inject({ method: 'GET', url: '/admin/users/alice/library' })).json().savedTracks.slice(0, n).map((t: { uri: string }) => t.uri)
const likedCount = async (sim: Awaited<ReturnType<typeof simulator>>['sim']) => (await sim.inject({ method: 'GET', url: '/admin/users/alice/library' })).json().savedTracks.length

describe('fault injection: rate limit', () => {
  it('answers 429 with Retry-After after N calls in the rolling 30 s window, and recovers when it has room', async () => {
    const { sim, clock } = await simulator({ faults: { rateLimit: 3 } })
    const client = api(sim, (await connect(sim, 'alice')).access_token)
    for (let i = 0; i < 3; i++) {
      expect((await client.get('/v1/me')).statusCode).toBe(200)
      clock.advance(5_000)
    }
    const limited = await client.get('/v1/me')
    expect(limited.statusCode).toBe(429)
    expect(limited.json()).toEqual({ error: { status: 429, message: 'API rate limit exceeded' } })
    // The first call was 15 s ago, so the window has room again in 15 s.
    expect(limited.headers['retry-after']).toBe('15')
    clock.advance(14_000)
    expect((await client.get('/v1/me')).statusCode).toBe(429)
    clock.advance(1_000)
    expect((await client.get('/v1/me')).statusCode).toBe(200)
  })

  it('the window belongs to the client id: another user of the same app is limited too', async () => {
    const { sim } = await simulator({ clientIds: ['ndith-dev', 'other-app'], faults: { rateLimit: 1 } })
    const client = api(sim, (await connect(sim, 'alice')).access_token)
    expect((await client.get('/v1/me')).statusCode).toBe(200)
    expect((await client.get('/v1/me')).statusCode).toBe(429)
    expect((await api(sim, (await connect(sim, 'bob')).access_token).get('/v1/me')).statusCode).toBe(429)
  })

  it('can say QUOTA_EXCEEDED in the 429 body, with a fixed Retry-After', async () => {
    const { sim } = await simulator({ faults: { rateLimit: 1, quotaExceeded: true, retryAfterSeconds: 120 } })
    const client = api(sim, (await connect(sim, 'alice')).access_token)
    await client.get('/v1/me')
    const limited = await client.get('/v1/me')
    expect(limited.statusCode).toBe(429)
    expect(limited.headers['retry-after']).toBe('120')
    expect(limited.json()).toEqual({ error: { status: 429, message: 'Quota exceeded', reason: 'QUOTA_EXCEEDED' } })
  })

  it('a rate-limited removal changes nothing', async () => {
    const { sim } = await simulator({ faults: { rateLimit: 1 } })
    const client = api(sim, (await connect(sim, 'alice')).access_token)
    const uris = await firstTracks(sim, 2)
    expect((await client.delete(`/v1/me/library?uris=${uris[0]}`)).statusCode).toBe(200)
    expect((await client.delete(`/v1/me/library?uris=${uris[1]}`)).statusCode).toBe(429)
    expect(await likedCount(sim)).toBe(1999)
  })
})

describe('fault injection: 5xx and lost responses', () => {
  it('serverErrorNext answers 503 before anything is applied', async () => {
    const { sim } = await simulator({ faults: { serverErrorNext: 1 } })
    const client = api(sim, (await connect(sim, 'alice')).access_token)
    const [uri] = await firstTracks(sim, 1)
    const failed = await client.delete(`/v1/me/library?uris=${uri}`)
    expect(failed.statusCode).toBe(503)
    expect(await likedCount(sim)).toBe(2000)
    expect((await client.delete(`/v1/me/library?uris=${uri}`)).statusCode).toBe(200)
  })

  it('a 5xx rate is deterministic for a seed', async () => {
    const statuses = async () => {
      const { sim } = await simulator({ seed: 7, faults: { serverErrorRate: 0.3, serverErrorStatus: 500 } })
      const client = api(sim, (await connect(sim, 'alice')).access_token)
      const seen: number[] = []
      for (let i = 0; i < 30; i++) seen.push((await client.get('/v1/me')).statusCode)
      return seen
    }
    const first = await statuses()
    expect(first).toContain(500)
    expect(first).toContain(200)
    expect(await statuses()).toEqual(first)
  })

  it('lost response (bad-gateway mode): the client sees 502, yet the removal was applied', async () => {
    const { sim } = await simulator({ faults: { lostResponseNext: 1, lostResponseMode: 'bad-gateway' } })
    const client = api(sim, (await connect(sim, 'alice')).access_token)
    const [uri] = await firstTracks(sim, 1)
    const response = await client.delete(`/v1/me/library?uris=${uri}`)
    expect(response.statusCode).toBe(502)
    expect(await likedCount(sim)).toBe(1999)
    const [entry] = (await sim.inject({ method: 'GET', url: '/admin/requests?method=DELETE' })).json().requests
    expect(entry).toMatchObject({ status: 502, fault: 'lost_response', uris: [uri] })
  })

  it('lost response (socket-hang-up mode): over a real socket the connection closes without an answer, the change is applied', async () => {
    const { sim } = await simulator({ faults: { lostResponseNext: 1 } })
    const token = (await connect(sim, 'alice')).access_token
    const [uri] = await firstTracks(sim, 1)
    await sim.listen({ host: '127.0.0.1', port: 0 })
    try {
      const { port } = sim.server.address() as { port: number }
      const call = fetch(`http://127.0.0.1:${port}/v1/me/library?uris=${uri}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })
      await expect(call).rejects.toThrow()
      expect(await likedCount(sim)).toBe(1999)
      expect(sim.sim.log.list({ method: 'DELETE' })[0]).toMatchObject({ status: 0, fault: 'lost_response' })
    } finally {
      await sim.close()
    }
  })
})

describe('request log and admin controls', () => {
  it('records method, path, query, status, user and the URIs a mutation touched', async () => {
    const { sim } = await simulator()
    const client = api(sim, (await connect(sim, 'alice')).access_token)
    const uris = await firstTracks(sim, 2)
    await sim.inject({ method: 'DELETE', url: '/admin/requests' })
    await client.get('/v1/me/tracks?limit=50&offset=50')
    // A health probe (Kubernetes' readiness and liveness) is not a client call: it stays out of the log.
    expect((await sim.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' })
    await client.delete(`/v1/me/library?uris=${uris.join(',')}`)
    const { requests } = (await sim.inject({ method: 'GET', url: '/admin/requests' })).json()
    expect(requests).toEqual([
      expect.objectContaining({ method: 'GET', path: '/v1/me/tracks', query: { limit: '50', offset: '50' }, status: 200, user: 'alice', clientId: 'ndith-dev' }),
      expect.objectContaining({ method: 'DELETE', path: '/v1/me/library', status: 200, user: 'alice', uris }),
    ])
    expect(requests[0].uris).toBeUndefined()
    const since = (await sim.inject({ method: 'GET', url: `/admin/requests?since=${requests[0].seq}` })).json().requests
    expect(since).toHaveLength(1)
  })

  it('PUT /admin/faults changes faults live and rejects unknown or invalid settings', async () => {
    const { sim } = await simulator()
    const bad = await sim.inject({ method: 'PUT', url: '/admin/faults', payload: { rateLimit: -1, nonsense: true } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.message).toContain('rateLimit')
    expect(bad.json().error.message).toContain('nonsense')
    const good = await sim.inject({ method: 'PUT', url: '/admin/faults', payload: { rateLimit: 1 } })
    expect(good.json()).toMatchObject({ rateLimit: 1, rateWindowSeconds: 30 })
    const client = api(sim, (await connect(sim, 'alice')).access_token)
    await client.get('/v1/me')
    expect((await client.get('/v1/me')).statusCode).toBe(429)
  })

  it('guards /admin with the admin token when one is configured', async () => {
    const { sim } = await simulator({ adminToken: 'sekrit-admin' })
    expect((await sim.inject({ method: 'GET', url: '/admin/faults' })).statusCode).toBe(401)
    expect((await sim.inject({ method: 'GET', url: '/admin/faults', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401)
    expect((await sim.inject({ method: 'GET', url: '/admin/faults', headers: { authorization: 'Bearer sekrit-admin' } })).statusCode).toBe(200)
  })

  it('POST /admin/reset restores the seeded library and keeps connections working', async () => {
    const { sim } = await simulator()
    const client = api(sim, (await connect(sim, 'alice')).access_token)
    await client.delete(`/v1/me/library?uris=${(await firstTracks(sim, 3)).join(',')}`)
    expect(await likedCount(sim)).toBe(1997)
    await sim.inject({ method: 'POST', url: '/admin/reset' })
    expect(await likedCount(sim)).toBe(2000)
    expect((await client.get('/v1/me')).statusCode).toBe(200)
  })

  it('POST /admin/clock moves time forward so tokens expire without waiting', async () => {
    const { sim } = await simulator()
    const client = api(sim, (await connect(sim, 'alice')).access_token)
    await sim.inject({ method: 'POST', url: '/admin/clock', payload: { advanceSeconds: 3600 } })
    expect((await client.get('/v1/me')).json().error.message).toBe('The access token expired')
  })
})
