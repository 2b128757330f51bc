import type {
  BlockedArtist,
  BlocklistSource,
  EffectiveBlocklist,
  LibraryArtist,
  LibraryItem,
  LibraryPlaylist,
  LibrarySnapshot,
} from './planner-types.ts'

/** Small hand-written libraries for the planner's tests: names a reader recognises, ids that say what they are. */

export interface Person {
  artistId: string
  name: string
}

export const chris: Person = { artistId: 'artist-chris', name: 'Chris Brown' }
export const kelly: Person = { artistId: 'artist-kelly', name: 'R. Kelly' }
export const tekashi: Person = { artistId: 'artist-tekashi', name: '6ix9ine' }
export const adele: Person = { artistId: 'artist-adele', name: 'Adele' }
export const lizzo: Person = { artistId: 'artist-lizzo', name: 'Lizzo' }

export const personal: BlocklistSource = { type: 'personal' }
export const communityList = (listName: string, version: number): BlocklistSource => ({
  type: 'list',
  listId: `list-${listName.toLowerCase().replace(/\W+/g, '-')}`,
  listName,
  version,
})

export const blocked = (person: Person, ...sources: BlocklistSource[]): BlockedArtist => ({ ...person, sources })
export const blocklistOf = (...entries: BlockedArtist[]): EffectiveBlocklist => ({ entries })

const credits = (primary: Person[], featured: Person[]): LibraryArtist[] => [
  ...primary.map((person) => ({ ...person, role: 'primary' as const })),
  ...featured.map((person) => ({ ...person, role: 'featured' as const })),
]

export const savedTrack = (id: string, name: string, primary: Person[], featured: Person[] = []): LibraryItem => ({
  kind: 'saved_track',
  uri: `spotify:track:${id}`,
  name,
  addedAt: '2025-01-01T00:00:00Z',
  artists: credits(primary, featured),
})

export const savedAlbum = (id: string, name: string, primary: Person[]): LibraryItem => ({
  kind: 'saved_album',
  uri: `spotify:album:${id}`,
  name,
  artists: credits(primary, []),
})

export const followedArtist = (id: string, person: Person): LibraryItem => ({
  kind: 'followed_artist',
  uri: `spotify:artist:${id}`,
  name: person.name,
  artists: credits([person], []),
})

/** The same track, placed in a playlist at a position. */
export const inPlaylist = (playlistId: string, position: number, track: LibraryItem): LibraryItem => ({
  ...track,
  kind: 'playlist_item',
  playlistId,
  position,
})

export const ownedPlaylist = (id: string, name: string): LibraryPlaylist => ({ id, name, owned: true, collaborative: false, snapshotId: `snap-${id}-1` })
export const followedPlaylist = (id: string, name: string): LibraryPlaylist => ({
  id,
  name,
  owned: false,
  collaborative: false,
  snapshotId: `snap-${id}-1`,
  followedOnly: true,
})
export const collaborativePlaylist = (id: string, name: string): LibraryPlaylist => ({ id, name, owned: false, collaborative: true, snapshotId: `snap-${id}-1` })

export const snapshotOf = (items: LibraryItem[], playlists: LibraryPlaylist[] = []): LibrarySnapshot => ({
  provider: 'spotify',
  scannedAt: '2026-11-29T04:00:00Z',
  items,
  playlists,
})

/** Freezes a value and everything in it, so a test fails if the planner writes to its inputs. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
