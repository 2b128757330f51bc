import type { LibraryItemKind, LibraryPlaylist, PlannedActionKind } from './planner-types.ts'

/**
 * The order a plan is shown and stored in, the same for the same inputs whatever order the scan
 * returned: category (library first, playlists last), then playlist (by name), then position in
 * the playlist, or name for library items; the URI breaks ties.
 */

/** Code-unit order: the same on every machine, unlike localeCompare. */
export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

const CATEGORY_ORDER: Record<LibraryItemKind | PlannedActionKind, number> = {
  saved_track: 0,
  remove_saved_track: 0,
  saved_album: 1,
  remove_saved_album: 1,
  followed_artist: 2,
  unfollow_artist: 2,
  playlist_item: 3,
  remove_playlist_item: 3,
}

interface Placed {
  kind: LibraryItemKind | PlannedActionKind
  uri: string
  name: string
  playlistId?: string
  positions?: number[]
}

interface SortKey {
  category: number
  playlistRank: number
  playlistId: string
  position: number
  name: string
  uri: string
}

export function sortForDisplay<T extends Placed>(entries: readonly T[], playlists: readonly LibraryPlaylist[]): T[] {
  const rankOf = playlistRanks(playlists)
  // Keys are computed once per entry rather than in every comparison (lower-casing is not free).
  const keyed = entries.map((entry) => ({ entry, key: sortKey(entry, rankOf) }))
  keyed.sort((a, b) => compareKeys(a.key, b.key))
  return keyed.map(({ entry }) => entry)
}

/** Playlists by name, then id; a playlist missing from the snapshot sorts after the known ones. */
function playlistRanks(playlists: readonly LibraryPlaylist[]): Map<string, number> {
  const ordered = playlists
    .map((playlist) => ({ id: playlist.id, name: playlist.name.toLowerCase() }))
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id))
  return new Map(ordered.map((playlist, rank) => [playlist.id, rank]))
}

function sortKey(entry: Placed, rankOf: Map<string, number>): SortKey {
  const { playlistId } = entry
  const inPlaylist = playlistId !== undefined
  return {
    category: CATEGORY_ORDER[entry.kind],
    playlistRank: inPlaylist ? (rankOf.get(playlistId) ?? Number.MAX_SAFE_INTEGER) : -1,
    playlistId: playlistId ?? '',
    // Playlist entries follow the playlist's own order; library entries are alphabetical.
    position: entry.positions?.[0] ?? Number.MAX_SAFE_INTEGER,
    name: inPlaylist ? '' : entry.name.toLowerCase(),
    uri: entry.uri,
  }
}

const compareKeys = (a: SortKey, b: SortKey) =>
  a.category - b.category ||
  a.playlistRank - b.playlistRank ||
  compareText(a.playlistId, b.playlistId) ||
  a.position - b.position ||
  compareText(a.name, b.name) ||
  compareText(a.uri, b.uri)
