import { describe, expect, it } from 'vitest'
import { allScopes, api, collect, connect, simulator } from './helpers.ts'

interface SavedTrack {
  added_at: string
  track: { id: string; uri: string; artists: { id: string; uri: string }[]; album: { id: string } }
}

const library = async (sim: Awaited<ReturnType<typeof simulator>>['sim'], user = 'alice') => (await sim.inject({ method: 'GET', url: `/admin/users/${user}/library` })).json()

describe('Web API: profile and library reads', () => {
  it('/me has id, display_name and account_id; email, country and product only in extended mode', async () => {
    const devMode = await simulator()
    const me = (await api(devMode.sim, (await connect(devMode.sim, 'alice')).access_token).get('/v1/me')).json()
    expect(me).toMatchObject({ id: 'alice', display_name: 'Alice', type: 'user', uri: 'spotify:user:alice' })
    expect(me.account_id).toMatch(/^[0-9A-Za-z]{22}$/)
    expect(me.email).toBeUndefined()
    const extended = await simulator({ profileFields: 'extended' })
    const full = (await api(extended.sim, (await connect(extended.sim, 'alice')).access_token).get('/v1/me')).json()
    expect(full).toMatchObject({ email: 'alice@example.com', country: 'GB', product: 'premium' })
  })

  it('offset paging of saved tracks returns every liked track exactly once, in ⌈n/50⌉ calls', async () => {
    const { sim } = await simulator()
    const client = api(sim, (await connect(sim, 'alice')).access_token)
    const { items, calls } = await collect<SavedTrack>(client, '/v1/me/tracks?limit=50')
    expect(items).toHaveLength(2000)
    expect(calls).toBe(40)
    expect(new Set(items.map((i) => i.track.id)).size).toBe(2000)
    expect(items[0]).toMatchObject({ added_at: expect.any(String), track: { type: 'track', uri: `spotify:track:${items[0]!.track.id}` } })
  })

  it('answers 400 for a page larger than 50', async () => {
    const { sim } = await simulator()
    const client = api(sim, (await connect(sim, 'alice')).access_token)
    const response = await client.get('/v1/me/tracks?limit=51')
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({ error: { status: 400, message: 'Invalid limit' } })
  })

  it('offset paging of saved albums returns each album once', async () => {
    const { sim } = await simulator()
    const client = api(sim, (await connect(sim, 'alice')).access_token)
    const { items } = await collect<{ album: { id: string; tracks: { total: number } } }>(client, '/v1/me/albums?limit=50')
    expect(items).toHaveLength(60)
    expect(new Set(items.map((i) => i.album.id)).size).toBe(60)
    expect(items[0]!.album.tracks.total).toBeGreaterThan(0)
  })

  it('cursor paging of followed artists returns each once, even when one is unfollowed between pages', async () => {
    const { sim } = await simulator()
    const client = api(sim, (await connect(sim, 'alice')).access_token)
    const unwrap = (body: unknown) => (body as { artists: { items: { id: string }[]; next: string | null } }).artists
    const { items, calls } = await collect<{ id: string }>(client, '/v1/me/following?type=artist&limit=50', unwrap)
    expect(items).toHaveLength(80)
    expect(calls).toBe(2)
    expect(new Set(items.map((a) => a.id)).size).toBe(80)

    const first = unwrap((await client.get('/v1/me/following?type=artist&limit=50')).json())
    await client.delete(`/v1/me/library?uris=spotify:artist:${first.items[49]!.id}`)
    const second = unwrap((await client.get(new URL(first.next!).pathname + new URL(first.next!).search)).json())
    expect(second.items.map((a) => a.id)).toEqual(items.slice(50).map((a) => a.id))
  })

  it('followed artists carry Spotify-shaped images (640/320/160, largest first) the web app may load, and some have none', async () => {
    const { sim } = await simulator()
    const client = api(sim, (await connect(sim, 'alice')).access_token)
    type Pictured = { id: string; images: { url: string; width: number; height: number }[] }
    const { items } = await collect<Pictured>(client, '/v1/me/following?type=artist&limit=50', (body) => (body as { artists: { items: Pictured[]; next: string | null } }).artists)
    const pictured = items.filter((a) => a.images.length > 0)
    expect(pictured.length).toBeGreaterThan(items.length / 2)
    expect(pictured.length).toBeLessThan(items.length)
    for (const artist of pictured) {
      expect(artist.images.map((i) => [i.width, i.height])).toEqual([[640, 640], [320, 320], [160, 160]])
      expect(artist.images[0]!.url).toMatch(/^data:image\/svg\+xml,/)
    }
  })
})

describe('Web API: /me/library removals and re-adds', () => {
  it('answers 400 for 41 URIs and changes nothing', async () => {
    const { sim } = await simulator()
    const before = await library(sim)
    const client = api(sim, (await connect(sim, 'alice')).access_token)
    const uris = before.savedTracks.slice(0, 41).map((t: { uri: string }) => t.uri)
    const response = await client.delete(`/v1/me/library?uris=${uris.join(',')}`)
    expect(response.statusCode).toBe(400)
    expect((await library(sim)).savedTracks).toHaveLength(2000)
  })

  it('removes saved tracks, saved albums and followed artists in one call of up to 40 URIs; a retry is harmless', async () => {
    const { sim } = await simulator()
    const before = await library(sim)
    const client = api(sim, (await connect(sim, 'alice')).access_token)
    const uris = [...before.savedTracks.slice(0, 38).map((t: { uri: string }) => t.uri), before.savedAlbums[0].uri, before.followedArtists[0].uri]
    expect((await client.delete(`/v1/me/library?uris=${uris.join(',')}`)).statusCode).toBe(200)
    expect((await client.delete(`/v1/me/library?uris=${uris.join(',')}`)).statusCode).toBe(200)
    const after = await library(sim)
    expect(after.savedTracks).toHaveLength(1962)
    expect(after.savedAlbums).toHaveLength(59)
    expect(after.followedArtists).toHaveLength(79)
    expect(after.savedTracks.map((t: { uri: string }) => t.uri)).not.toContain(uris[0])
  })

  it('PUT re-adds a removed track at the top of the library with a new added date', async () => {
    const { sim, clock } = await simulator()
    const before = await library(sim)
    const client = api(sim, (await connect(sim, 'alice')).access_token)
    const uri = before.savedTracks[500].uri as string
    await client.delete(`/v1/me/library?uris=${uri}`)
    expect((await client.put(`/v1/me/library?uris=${uri}`)).statusCode).toBe(200)
    const after = await library(sim)
    expect(after.savedTracks).toHaveLength(2000)
    expect(after.savedTracks[0]).toMatchObject({ uri, addedAt: new Date(clock.now()).toISOString() })
  })

  it('refuses to unfollow an artist without user-follow-modify (403) and removes nothing of the call', async () => {
    const { sim } = await simulator()
    const before = await library(sim)
    const client = api(sim, (await connect(sim, 'alice', allScopes.filter((s) => s !== 'user-follow-modify'))).access_token)
    const response = await client.delete(`/v1/me/library?uris=${before.savedTracks[0].uri},${before.followedArtists[0].uri}`)
    expect(response.statusCode).toBe(403)
    expect((await library(sim)).savedTracks).toHaveLength(2000)
  })

  it('answers 400 for a malformed URI', async () => {
    const { sim } = await simulator()
    const client = api(sim, (await connect(sim, 'alice')).access_token)
    expect((await client.delete('/v1/me/library?uris=spotify:track:nope')).statusCode).toBe(400)
  })
})
