import { describe, expect, it } from 'vitest'
import { api, collect, connect, simulator } from './helpers.ts'

interface AdminPlaylist {
  id: string
  relation: 'owner' | 'collaborator' | 'follower'
  snapshotId: string
  items: { uri: string; addedAt: string }[]
}

async function setup() {
  const { sim, clock } = await simulator()
  const client = api(sim, (await connect(sim, 'alice')).access_token)
  const playlists = async (): Promise<AdminPlaylist[]> => (await sim.inject({ method: 'GET', url: '/admin/users/alice/library' })).json().playlists
  return { sim, clock, client, playlists }
}

const duplicated = (p: AdminPlaylist) => p.items.find((item, i) => p.items.findIndex((other) => other.uri === item.uri) !== i)

describe('Web API: playlists', () => {
  it("lists alice's 30 playlists: owned, collaborative, and followed ones she does not own", async () => {
    const { client, playlists } = await setup()
    const { items } = await collect<{ id: string; owner: { id: string }; snapshot_id: string; items: { total: number } }>(client, '/v1/me/playlists?limit=50')
    expect(items).toHaveLength(30)
    expect(items.filter((p) => p.owner.id !== 'alice').length).toBe(6)
    const relations = (await playlists()).map((p) => p.relation)
    expect(relations.filter((r) => r === 'follower')).toHaveLength(5)
    expect(relations.filter((r) => r === 'collaborator')).toHaveLength(1)
    expect(items[0]!.items.total).toBeGreaterThan(0)
  })

  it('answers 403 for the items of a playlist alice neither owns nor collaborates on, 200 for a collaborative one', async () => {
    const { client, playlists } = await setup()
    const all = await playlists()
    const followed = all.find((p) => p.relation === 'follower')!
    const shared = all.find((p) => p.relation === 'collaborator')!
    expect((await client.get(`/v1/playlists/${followed.id}/items`)).statusCode).toBe(403)
    expect((await client.get(`/v1/playlists/${shared.id}/items`)).statusCode).toBe(200)
    expect((await client.get(`/v1/playlists/${followed.id}`)).statusCode).toBe(200)
  })

  it('pages playlist items 50 at a time, each entry once, in playlist order', async () => {
    const { client, playlists } = await setup()
    const playlist = (await playlists()).filter((p) => p.relation === 'owner').sort((a, b) => b.items.length - a.items.length)[0]!
    const { items } = await collect<{ item: { uri: string }; added_at: string }>(client, `/v1/playlists/${playlist.id}/items?limit=50`)
    expect(items.map((e) => e.item.uri)).toEqual(playlist.items.map((e) => e.uri))
    expect((await client.get(`/v1/playlists/${playlist.id}/items?limit=51`)).statusCode).toBe(400)
  })

  it('DELETE removes every occurrence of a track and returns a new snapshot_id', async () => {
    const { client, playlists } = await setup()
    const playlist = (await playlists()).find((p) => p.relation === 'owner' && duplicated(p))!
    const uri = duplicated(playlist)!.uri
    const response = await client.delete(`/v1/playlists/${playlist.id}/items`, { items: [{ uri }], snapshot_id: playlist.snapshotId })
    expect(response.statusCode).toBe(200)
    const { snapshot_id } = response.json()
    expect(snapshot_id).not.toBe(playlist.snapshotId)
    const after = (await playlists()).find((p) => p.id === playlist.id)!
    expect(after.items.map((i) => i.uri)).not.toContain(uri)
    expect(after.items).toHaveLength(playlist.items.length - 2)
    expect(after.snapshotId).toBe(snapshot_id)
  })

  it('answers 400 above 100 items and for an unknown snapshot_id', async () => {
    const { client, playlists } = await setup()
    const playlist = (await playlists()).find((p) => p.relation === 'owner')!
    const items = Array.from({ length: 101 }, () => ({ uri: playlist.items[0]!.uri }))
    expect((await client.delete(`/v1/playlists/${playlist.id}/items`, { items })).statusCode).toBe(400)
    expect((await client.delete(`/v1/playlists/${playlist.id}/items`, { items: items.slice(0, 1), snapshot_id: 'not-a-snapshot' })).statusCode).toBe(400)
    expect((await playlists()).find((p) => p.id === playlist.id)!.items).toHaveLength(playlist.items.length)
  })

  it('answers 403 when removing from a playlist alice only follows', async () => {
    const { client, playlists } = await setup()
    const followed = (await playlists()).find((p) => p.relation === 'follower')!
    expect((await client.delete(`/v1/playlists/${followed.id}/items`, { items: [{ uri: followed.items[0]!.uri }] })).statusCode).toBe(403)
  })

  it('POST inserts at a position with a new snapshot_id, so a removal can be undone in place', async () => {
    const { client, playlists } = await setup()
    const playlist = (await playlists()).find((p) => p.relation === 'owner' && p.items.length > 10 && !duplicated(p))!
    const original = playlist.items.map((i) => i.uri)
    const removed = original[5]!
    await client.delete(`/v1/playlists/${playlist.id}/items`, { items: [{ uri: removed }] })
    const response = await client.post(`/v1/playlists/${playlist.id}/items`, { uris: [removed], position: 5 })
    expect(response.statusCode).toBe(201)
    expect(response.json().snapshot_id).toEqual(expect.any(String))
    const after = (await playlists()).find((p) => p.id === playlist.id)!
    expect(after.items.map((i) => i.uri)).toEqual(original)
    expect(after.snapshotId).toBe(response.json().snapshot_id)
  })

  it('answers 400 for a position past the end and for more than 100 URIs', async () => {
    const { client, playlists } = await setup()
    const playlist = (await playlists()).find((p) => p.relation === 'owner')!
    const uri = playlist.items[0]!.uri
    expect((await client.post(`/v1/playlists/${playlist.id}/items`, { uris: [uri], position: playlist.items.length + 1 })).statusCode).toBe(400)
    expect((await client.post(`/v1/playlists/${playlist.id}/items`, { uris: Array(101).fill(uri) })).statusCode).toBe(400)
  })

  it('lists only public playlists without playlist-read-private / playlist-read-collaborative', async () => {
    const { sim } = await simulator()
    const client = api(sim, (await connect(sim, 'alice', ['user-library-read'])).access_token)
    const { items } = await collect<{ public: boolean; collaborative: boolean }>(client, '/v1/me/playlists?limit=50')
    expect(items.length).toBeGreaterThan(0)
    expect(items.length).toBeLessThan(30)
    expect(items.every((p) => p.public && !p.collaborative)).toBe(true)
  })

  it('unfollowing and re-following a playlist through /me/library', async () => {
    const { client, playlists } = await setup()
    const followed = (await playlists()).find((p) => p.relation === 'follower')!
    expect((await client.delete(`/v1/me/library?uris=spotify:playlist:${followed.id}`)).statusCode).toBe(200)
    expect((await playlists()).map((p) => p.id)).not.toContain(followed.id)
    expect((await client.put(`/v1/me/library?uris=spotify:playlist:${followed.id}`)).statusCode).toBe(200)
    expect((await playlists()).map((p) => p.id)).toContain(followed.id)
  })
})
