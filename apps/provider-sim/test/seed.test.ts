import { loadSeedData } from '@ndith/devenv/seed-data'
import { describe, expect, it } from 'vitest'
import { buildState } from '../src/seed/library.ts'
import { effectiveDnp } from '../src/seed/users.ts'

const data = loadSeedData()
const small = { seed: 1, benchTracks: 100 }

describe('seeded libraries', () => {
  it('the same seed gives the same libraries; another seed gives others', () => {
    const a = buildState(small, data)
    const b = buildState(small, data)
    const c = buildState({ ...small, seed: 2 }, data)
    const alice = (s: ReturnType<typeof buildState>) => s.users.get('alice')!
    expect(alice(b)).toEqual(alice(a))
    expect([...b.playlists.values()]).toEqual([...a.playlists.values()])
    expect(alice(c).savedTracks).not.toEqual(alice(a).savedTracks)
  })

  it('uses only dev-catalog artists, with their real Spotify ids', () => {
    const state = buildState(small, data)
    const catalogIds = new Set(data.artists.map((a) => a.spotifyId).filter(Boolean))
    for (const track of state.catalog.tracks.values()) for (const id of track.artistIds) expect(catalogIds.has(id)).toBe(true)
    const drake = data.artists.find((a) => a.name === 'Drake')!
    expect(state.catalog.artists.get(drake.spotifyId!)?.name).toBe('Drake')
  })

  it("alice: 2,000 liked tracks that include her Do-Not-Play artists both as primary and as featured artists", () => {
    const state = buildState(small, data)
    const alice = state.users.get('alice')!
    expect(alice.savedTracks).toHaveLength(2000)
    const dnp = new Set(effectiveDnp(data, 'alice@example.com').map((name) => data.artists.find((a) => a.name === name)?.spotifyId))
    const tracks = alice.savedTracks.map((s) => state.catalog.tracks.get(s.id)!)
    const primary = tracks.filter((t) => dnp.has(t.artistIds[0]!))
    const featured = tracks.filter((t) => t.artistIds.slice(1).some((id) => dnp.has(id)) && !dnp.has(t.artistIds[0]!))
    expect(primary.length).toBeGreaterThan(10)
    expect(featured.length).toBeGreaterThan(10)
  })

  it('alice: 30 playlists, some followed and not hers, some holding a track twice, some with her DNP artists', () => {
    const state = buildState(small, data)
    const alice = state.users.get('alice')!
    const playlists = alice.playlistIds.map((id) => state.playlists.get(id)!)
    expect(playlists).toHaveLength(30)
    expect(playlists.filter((p) => p.ownerId !== 'alice' && !p.collaborators.includes('alice')).length).toBeGreaterThanOrEqual(4)
    const owned = playlists.filter((p) => p.ownerId === 'alice')
    expect(owned.some((p) => new Set(p.entries.map((e) => e.trackId)).size < p.entries.length)).toBe(true)
    const dnp = new Set(effectiveDnp(data, 'alice@example.com').map((name) => data.artists.find((a) => a.name === name)?.spotifyId))
    expect(owned.filter((p) => p.entries.some((e) => state.catalog.tracks.get(e.trackId)!.artistIds.some((a) => dnp.has(a)))).length).toBeGreaterThanOrEqual(5)
  })

  it('builds an N-track library for benchmarks (bench user)', () => {
    const state = buildState({ seed: 1, benchTracks: 10_000 }, data)
    const bench = state.users.get('bench')!
    expect(bench.savedTracks).toHaveLength(10_000)
    expect(new Set(bench.savedTracks.map((s) => s.id)).size).toBe(10_000)
  })

  it('seeds the dev accounts: dana starts empty', () => {
    const state = buildState(small, data)
    expect([...state.users.keys()]).toEqual(['alice', 'bob', 'carol', 'dana', 'bench'])
    const dana = state.users.get('dana')!
    expect(dana.savedTracks.length + dana.savedAlbums.length + dana.followedArtists.length + dana.playlistIds.length).toBe(0)
  })
})
