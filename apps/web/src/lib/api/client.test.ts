import { describe, expect, it, vi } from 'vitest'
import { createBlocklistApi } from './blocklist-api.ts'
import { createApiClient, withQuery, type Authorize } from './client.ts'
import { createCommunityApi } from './community-api.ts'
import { ApiError, ServerUnreachableError } from './errors.ts'
import type { FetchLike } from './http.ts'

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const withToken: Authorize = (call) => call('tok-1')

describe('withQuery', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(withQuery('/x', { q: 'r&b live', tag: '', offset: 0, mine: undefined, order: null })).toBe('/x?q=r%26b+live&offset=0')
  })
})

describe('createApiClient', () => {
  it('prefixes /api/v1, sends the session token and the query', async () => {
    const fetchFn = vi.fn<FetchLike>(async () => json(200, { items: [], total: 0, limit: 25, offset: 0, tags: [] }))
    const blocklist = createBlocklistApi(createApiClient(withToken, fetchFn))

    await blocklist.list({ tag: 'live', sort: 'name', order: 'asc', limit: 25, offset: 50 })

    const [path, init] = fetchFn.mock.calls[0]!
    expect(path).toBe('/api/v1/me/blocklist?tag=live&sort=name&order=asc&limit=25&offset=50')
    expect(init.headers).toMatchObject({ authorization: 'Bearer tok-1' })
  })

  it('calls the community endpoints with their methods and bodies', async () => {
    const fetchFn = vi.fn<FetchLike>(async () => json(200, {}))
    const community = createCommunityApi(createApiClient(withToken, fetchFn))
    const id = '7d1c6a52-8f0e-4a4b-9b53-1f3c1e7f2a10'

    await community.subscribe(id, { mode: 'pinned', version: 2 })
    await community.accept(id, 3)
    await community.diff(id, 3, 1)
    await community.publish(id)

    expect(fetchFn.mock.calls.map(([path, init]) => `${init.method} ${path} ${init.body ?? ''}`)).toEqual([
      `PUT /api/v1/community-lists/${id}/subscription {"mode":"pinned","version":2}`,
      `POST /api/v1/community-lists/${id}/subscription/accept {"version":3}`,
      `GET /api/v1/community-lists/${id}/versions/3/diff?from=1 `,
      `POST /api/v1/community-lists/${id}/publish {}`,
    ])
  })

  it('downloads a file with the name the server gave it', async () => {
    const fetchFn = vi.fn<FetchLike>(
      async () => new Response('name,url\n', { status: 200, headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="do-not-play-2026-11-25.csv"' } }),
    )
    const blocklist = createBlocklistApi(createApiClient(withToken, fetchFn))

    const file = await blocklist.exportFile('csv')

    expect(fetchFn.mock.calls[0]![0]).toBe('/api/v1/me/blocklist/export?format=csv')
    expect(file.filename).toBe('do-not-play-2026-11-25.csv')
    expect(await file.blob.text()).toBe('name,url\n')
  })

  it('reports a failed download in the API error shape, and a dead network as unreachable', async () => {
    const failing = createBlocklistApi(createApiClient(withToken, async () => json(404, { error: { code: 'NOT_FOUND', message: 'Gone' }, requestId: 'r1' })))
    await expect(failing.exportFile('json')).rejects.toBeInstanceOf(ApiError)

    const offline = createBlocklistApi(
      createApiClient(withToken, async () => {
        throw new TypeError('Failed to fetch')
      }),
    )
    await expect(offline.exportFile('json')).rejects.toBeInstanceOf(ServerUnreachableError)
  })
})
