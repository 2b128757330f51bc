import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProviderArtist } from './providers.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { register } from '../../../test/support/auth.ts'

// A provider that knows one Spotify artist the catalog does not, and counts how often it is asked.
let fetches = 0
const newArtist: ProviderArtist = { provider: 'spotify', id: '0000000000000000000NEW', name: 'Brand New Artist', genres: ['indie'], imageUrl: 'https://i.example/new.jpg' }
const providers = {
  spotify: {
    fetchArtist: async (id: string) => {
      fetches++
      await new Promise((r) => setTimeout(r, 20))
      return id === newArtist.id ? newArtist : undefined
    },
  },
}

let t: TestApp
let auth: { authorization: string }
beforeAll(async () => {
  t = await createTestApp({ providers })
  auth = { authorization: `Bearer ${(await register(t.app)).session.accessToken}` }
  await t.db
    .insertInto('artists')
    .values([
      { canonical_name: 'Kanye West', aliases: ['Ye', 'Yeezy'], spotify_id: '5K4W6rqBFWDnAN6FQUkS6x', genres: ['hip hop'] },
      { canonical_name: 'Kenny West', spotify_id: null },
      { canonical_name: 'Drake', spotify_id: '3TVXtAsR1Inumwj472S9r4', apple_music_id: '271256' },
      { canonical_name: 'Drake Bell' },
      { canonical_name: 'Nick Drake' },
    ])
    .execute()
})
afterAll(() => t.close())

const search = (q: string, extra = '') => t.app.inject({ url: `/api/v1/artists/search?q=${encodeURIComponent(q)}${extra}`, headers: auth })
const resolve = (url: string) => t.app.inject({ method: 'POST', url: '/api/v1/artists/resolve', headers: auth, payload: { url } })

describe('artist catalog', () => {
  it('search tolerates typos: "kanye wst" finds Kanye West first', async () => {
    const response = await search('kanye wst')
    expect(response.statusCode).toBe(200)
    expect(response.json().items[0]).toMatchObject({ name: 'Kanye West', aliases: ['Ye', 'Yeezy'], externalIds: { spotify: '5K4W6rqBFWDnAN6FQUkS6x' } })
  })

  it('search finds artists by alias', async () => {
    expect((await search('yeezy')).json().items[0].name).toBe('Kanye West')
  })

  it('search ranks the closest name first and paginates', async () => {
    const first = (await search('drake', '&limit=1')).json()
    expect(first.items.map((a: { name: string }) => a.name)).toEqual(['Drake'])
    expect(first.hasMore).toBe(true)
    const rest = (await search('drake', '&limit=10&offset=1')).json()
    expect(rest.items.map((a: { name: string }) => a.name).sort()).toEqual(['Drake Bell', 'Nick Drake'])
    expect(rest.hasMore).toBe(false)
  })

  it('search requires a query and a signed-in user', async () => {
    expect((await search('')).statusCode).toBe(400)
    expect((await t.app.inject('/api/v1/artists/search?q=drake')).statusCode).toBe(401)
  })

  it.each([
    'https://open.spotify.com/artist/3TVXtAsR1Inumwj472S9r4?si=x',
    'spotify:artist:3TVXtAsR1Inumwj472S9r4',
    'https://music.apple.com/us/artist/drake/271256',
  ])('resolves %s to the catalog artist', async (url) => {
    const response = await resolve(url)
    expect(response.statusCode).toBe(200)
    expect(response.json().name).toBe('Drake')
  })

  it('refuses a URL that is not an artist link, on the url field', async () => {
    const response = await resolve('https://open.spotify.com/album/3TVXtAsR1Inumwj472S9r4')
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toEqual([expect.objectContaining({ field: 'url', code: 'unsupported-url' })])
  })

  it('answers 404 for an unknown artist of a provider it cannot ask', async () => {
    const response = await resolve('https://tidal.com/browse/artist/123456')
    expect(response.statusCode).toBe(404)
    expect(response.json().error.message).toBe('This TIDAL artist is not in the catalog')
  })

  it('grows the catalog from provider data, one artist per provider id even under concurrency', async () => {
    const responses = await Promise.all(Array.from({ length: 5 }, () => resolve(`spotify:artist:${newArtist.id}`)))
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200])
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1)
    expect(responses[0]!.json()).toMatchObject({ name: 'Brand New Artist', genres: ['indie'], imageUrl: 'https://i.example/new.jpg' })
    const rows = await t.db.selectFrom('artists').select('id').where('spotify_id', '=', newArtist.id).execute()
    expect(rows).toHaveLength(1)
    expect(fetches).toBeGreaterThanOrEqual(1)
  })

  it('gets one artist by id, 404 for an unknown id, 400 for a malformed one', async () => {
    const drake = (await resolve('spotify:artist:3TVXtAsR1Inumwj472S9r4')).json()
    expect((await t.app.inject({ url: `/api/v1/artists/${drake.id}`, headers: auth })).json().name).toBe('Drake')
    expect((await t.app.inject({ url: '/api/v1/artists/00000000-0000-4000-8000-000000000000', headers: auth })).statusCode).toBe(404)
    expect((await t.app.inject({ url: '/api/v1/artists/nope', headers: auth })).statusCode).toBe(400)
  })
})

describe('artist catalog when a provider is down', () => {
  let down: TestApp
  beforeAll(async () => {
    down = await createTestApp({ providers: { spotify: { fetchArtist: async () => { throw new Error('ECONNRESET') } } } })
  })
  afterAll(() => down.close())

  it('answers 502 PROVIDER_UNAVAILABLE naming the provider instead of a 500', async () => {
    const headers = { authorization: `Bearer ${(await register(down.app)).session.accessToken}` }
    const response = await down.app.inject({ method: 'POST', url: '/api/v1/artists/resolve', headers, payload: { url: 'spotify:artist:0000000000000000000000' } })
    expect(response.statusCode).toBe(502)
    expect(response.json().error).toEqual({ code: 'PROVIDER_UNAVAILABLE', message: 'Spotify could not be reached; try again in a moment' })
  })
})
