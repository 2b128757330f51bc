import { loadSeedData, type SeedData } from '@ndith/devenv/seed-data'
import type { Catalog, SimAlbum, SimArtist, SimTrack } from '../model.ts'
import { deriveSeed, seededRandom, type Random } from '../random.ts'

// The simulated catalog grows from the dev catalog (tools/devenv/data): its artists keep their real Spotify
// ids, so a scan maps them onto the API's catalog; albums and tracks are invented, deterministically.

const adjectives = ['Midnight', 'Golden', 'Electric', 'Silent', 'Broken', 'Velvet', 'Neon', 'Paper', 'Wild', 'Northern', 'Hollow', 'Crimson', 'Lucky', 'Faded', 'Endless', 'Sugar', 'Quiet', 'Burning', 'Glass', 'Summer']
const nouns = ['Heart', 'City', 'River', 'Signal', 'Dream', 'Highway', 'Mirror', 'Garden', 'Thunder', 'Echo', 'Letter', 'Satellite', 'Fever', 'Harbor', 'Shadow', 'Season', 'Parade', 'Window', 'Ocean', 'Machine']

/** Catalog artists that have a Spotify id: only those can appear in a Spotify library. */
export function spotifyArtists(data: SeedData): SimArtist[] {
  return data.artists.filter((a) => a.spotifyId !== null).map((a) => ({ id: a.spotifyId!, name: a.name, genres: a.genres }))
}

function title(rng: Random): string {
  return `${rng.pick(adjectives)} ${rng.pick(nouns)}`
}

function addAlbum(catalog: Catalog, rng: Random, primary: SimArtist, pool: SimArtist[], featureRate: number) {
  const album: SimAlbum = {
    id: rng.base62Id(),
    name: title(rng),
    artistIds: [primary.id],
    releaseDate: `${rng.int(1985, 2025)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    trackIds: [],
  }
  const trackCount = rng.int(8, 14)
  for (let n = 1; n <= trackCount; n++) {
    const artistIds = [primary.id]
    // A share of tracks credit guests: these are the "featured appearances" the planner must notice.
    if (rng.next() < featureRate) {
      const guests = rng.next() < 0.2 ? 2 : 1
      for (const guest of rng.sample(pool, guests + 1)) if (guest.id !== primary.id && artistIds.length <= guests) artistIds.push(guest.id)
    }
    const track: SimTrack = { id: rng.base62Id(), name: title(rng), artistIds, albumId: album.id, trackNumber: n, durationMs: rng.int(120_000, 330_000) }
    catalog.tracks.set(track.id, track)
    album.trackIds.push(track.id)
  }
  catalog.albums.set(album.id, album)
}

/**
 * Two or three albums per artist (about 11,000 tracks for the dev catalog), then more albums round-robin
 * until the catalog holds at least `minTracks` tracks, so any library size can be drawn from it.
 */
export function buildCatalog(seed: number, minTracks = 0, data: SeedData = loadSeedData()): Catalog {
  const rng = seededRandom(deriveSeed(seed, 'catalog'))
  const artists = spotifyArtists(data)
  const catalog: Catalog = { artists: new Map(artists.map((a) => [a.id, a])), albums: new Map(), tracks: new Map() }
  for (const artist of artists) {
    const albums = rng.int(2, 3)
    for (let i = 0; i < albums; i++) addAlbum(catalog, rng, artist, artists, 0.3)
  }
  for (let i = 0; catalog.tracks.size < minTracks; i++) addAlbum(catalog, rng, artists[i % artists.length]!, artists, 0.3)
  return catalog
}

/** Track ids grouped by artist and role, for seeding libraries that include a given artist on purpose. */
export function tracksByArtist(catalog: Catalog) {
  const primary = new Map<string, string[]>()
  const featured = new Map<string, string[]>()
  for (const track of catalog.tracks.values()) {
    track.artistIds.forEach((artistId, i) => {
      const index = i === 0 ? primary : featured
      const list = index.get(artistId) ?? []
      list.push(track.id)
      index.set(artistId, list)
    })
  }
  return { primary, featured }
}
