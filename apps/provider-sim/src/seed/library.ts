import { loadSeedData, type SeedData } from '@ndith/devenv/seed-data'
import type { Catalog, PlaylistEntry, Saved, SimPlaylist, SimState, SimUser } from '../model.ts'
import { deriveSeed, seededRandom, type Random } from '../random.ts'
import { snapshotId } from '../snapshot.ts'
import { buildCatalog, tracksByArtist } from './catalog.ts'
import { sharing, userSpecs, type UserSpec } from './users.ts'

export interface SeedOptions {
  seed: number
  /** Liked tracks of the `bench` account (default 10,000). */
  benchTracks: number
}

/** Added dates are fixed in the past, so a library does not depend on when the simulator started. */
const seedEpoch = Date.parse('2026-06-01T00:00:00Z')

function addedDates(rng: Random, count: number): string[] {
  let t = seedEpoch
  return Array.from({ length: count }, () => {
    t -= rng.int(600, 86_400 * 2) * 1000
    return new Date(t).toISOString()
  })
}

function saved(rng: Random, ids: string[]): Saved[] {
  const dates = addedDates(rng, ids.length)
  return ids.map((id, i) => ({ id, addedAt: dates[i]! }))
}

/** The user's focus artists' tracks (some as primary, some as guest), then random tracks up to `count`. */
function pickTracks(rng: Random, catalog: Catalog, byArtist: ReturnType<typeof tracksByArtist>, spec: UserSpec, count: number): string[] {
  const chosen = new Set<string>()
  const nameToId = new Map([...catalog.artists.values()].map((a) => [a.name, a.id]))
  for (const name of spec.focusArtists) {
    const id = nameToId.get(name)
    if (!id) continue
    for (const t of rng.sample(byArtist.primary.get(id) ?? [], 4)) chosen.add(t)
    for (const t of rng.sample(byArtist.featured.get(id) ?? [], 3)) chosen.add(t)
  }
  const all = [...catalog.tracks.keys()]
  const ids = [...chosen].slice(0, count)
  const have = new Set(ids)
  for (const t of rng.sample(all, count + ids.length)) {
    if (ids.length >= count) break
    if (!have.has(t)) {
      have.add(t)
      ids.push(t)
    }
  }
  // Shuffle so the focus tracks are spread through the library rather than all on page one.
  return rng.sample(ids, ids.length)
}

function makePlaylist(rng: Random, ownerId: string, name: string, trackIds: string[], collaborative: boolean): SimPlaylist {
  const dates = addedDates(rng, trackIds.length).reverse()
  const entries: PlaylistEntry[] = trackIds.map((trackId, i) => ({ trackId, addedAt: dates[i]!, addedBy: ownerId }))
  const id = rng.base62Id()
  return { id, name, description: '', ownerId, collaborative, public: !collaborative && rng.next() < 0.5, collaborators: [], entries, snapshots: [snapshotId(id, 1)] }
}

/**
 * A playlist of 10–60 tracks, a third of them from the user's liked tracks; every third holds a track of a
 * focus artist, every fourth holds one track twice.
 */
function playlistTracks(rng: Random, liked: string[], allTracks: string[], index: number, focusTracks: string[] = []): string[] {
  const size = rng.int(10, 60)
  const fromLiked = rng.sample(liked, Math.floor(size / 3))
  const ids = [...fromLiked, ...rng.sample(allTracks, size - fromLiked.length)]
  if (index % 3 === 0 && focusTracks.length > 0) ids.push(rng.pick(focusTracks))
  const order = rng.sample(ids, ids.length)
  if (index % 4 === 1 && order.length > 2) order.splice(rng.int(1, order.length), 0, order[0]!)
  return order
}

export function buildState(options: SeedOptions, data: SeedData = loadSeedData()): SimState {
  const catalog = buildCatalog(options.seed, Math.ceil(options.benchTracks * 1.2), data)
  const byArtist = tracksByArtist(catalog)
  const allTracks = [...catalog.tracks.keys()]
  const allAlbums = [...catalog.albums.keys()]
  const allArtists = [...catalog.artists.keys()]
  const artistIdByName = new Map([...catalog.artists.values()].map((a) => [a.name, a.id]))
  const state: SimState = { catalog, users: new Map(), owners: new Map([['spotify', { id: 'spotify', displayName: 'Spotify' }]]), playlists: new Map() }
  const ownedBy = new Map<string, string[]>()

  const editorialRng = seededRandom(deriveSeed(options.seed, 'owner:spotify'))
  const editorial = Array.from({ length: 6 }, (_, i) => makePlaylist(editorialRng, 'spotify', `Editorial Mix ${i + 1}`, playlistTracks(editorialRng, [], allTracks, i), false))
  for (const p of editorial) state.playlists.set(p.id, { ...p, public: true })
  ownedBy.set('spotify', editorial.map((p) => p.id))

  for (const spec of userSpecs(data, options.benchTracks)) {
    const rng = seededRandom(deriveSeed(options.seed, `user:${spec.id}`))
    const liked = pickTracks(rng, catalog, byArtist, spec, spec.likedTracks)
    const focusIds = new Set(spec.focusArtists.map((n) => artistIdByName.get(n)).filter((id): id is string => id !== undefined))
    const focusTracks = liked.filter((t) => catalog.tracks.get(t)!.artistIds.some((a) => focusIds.has(a)))
    const followed = [...new Set([...rng.sample([...focusIds], 3), ...rng.sample(allArtists, spec.followedArtists)])].slice(0, spec.followedArtists)
    const user: SimUser = {
      id: spec.id,
      displayName: spec.displayName,
      accountId: rng.base62Id(),
      email: spec.email,
      country: spec.country,
      product: spec.product,
      savedTracks: saved(rng, liked),
      savedAlbums: saved(rng, rng.sample(allAlbums, spec.savedAlbums)),
      followedArtists: saved(rng, followed),
      playlistIds: [],
    }
    const owned: string[] = []
    for (let i = 0; i < spec.ownedPlaylists; i++) {
      const playlist = makePlaylist(rng, spec.id, `${spec.displayName}'s playlist ${i + 1}`, playlistTracks(rng, liked, allTracks, i, focusTracks), i < spec.collaborativeOwned)
      state.playlists.set(playlist.id, playlist)
      owned.push(playlist.id)
    }
    user.playlistIds = owned.slice()
    ownedBy.set(spec.id, owned)
    state.users.set(spec.id, user)
  }

  for (const { user, owner, count, skip } of sharing.followedFromOwner) {
    state.users.get(user)?.playlistIds.push(...(ownedBy.get(owner) ?? []).slice(skip, skip + count))
  }
  for (const { user, owner, playlistIndex } of sharing.collaborators) {
    const playlist = state.playlists.get(ownedBy.get(owner)?.[playlistIndex] ?? '')
    if (!playlist || !state.users.has(user)) continue
    playlist.collaborative = true
    playlist.public = false
    playlist.collaborators.push(user)
    state.users.get(user)!.playlistIds.push(playlist.id)
  }
  return state
}
