import { createHash } from 'node:crypto'
import type { BlocklistSource, EffectiveBlocklist, LibrarySnapshot, PlanOptions } from './planner-types.ts'

/**
 * Bumped whenever the planner's rules change, so plans stored by an older planner read as stale
 * even when their inputs did not change.
 */
export const PLANNER_VERSION = 1

/**
 * A plan's fingerprint: sha256 over a canonical serialisation of everything that decides which
 * actions exist and which lists they cite — item URIs, kinds, playlists and positions with their
 * credited artists and roles; playlists' snapshot ids and editability; blocked artist ids with
 * their sources (list id and version); and the options. Display names and dates are left out, so
 * a renamed track or list, or a re-scan that finds the same library, does not make a plan stale.
 *
 * Each fact is one JSON line, tagged by what it is, and the lines are sorted: the fingerprint does
 * not depend on the order the scan or the database returned things in.
 */
export function fingerprintPlanInputs(snapshot: LibrarySnapshot, blocklist: EffectiveBlocklist, options: PlanOptions): string {
  const lines: string[] = [JSON.stringify(['planner', PLANNER_VERSION, snapshot.provider]), optionsLine(options)]
  for (const item of snapshot.items) {
    // Credit order is kept (not sorted): it is part of the scanned data and of the reason's wording.
    const artists = item.artists.map((artist) => `${artist.artistId}:${artist.role}`)
    lines.push(JSON.stringify(['item', item.kind, item.uri, item.playlistId ?? null, item.position ?? null, artists]))
  }
  for (const playlist of snapshot.playlists) {
    lines.push(JSON.stringify(['playlist', playlist.id, playlist.snapshotId, playlist.owned, playlist.collaborative, playlist.followedOnly ?? false]))
  }
  for (const entry of blocklist.entries) {
    lines.push(JSON.stringify(['blocked', entry.artistId, entry.sources.map(sourceKey).sort()]))
  }
  lines.sort()
  return createHash('sha256').update(lines.join('\n')).digest('hex')
}

const sourceKey = (source: BlocklistSource) => (source.type === 'personal' ? 'personal' : `list:${source.listId}:${source.version}`)

/** Exceptions are sets: their order and repeats do not matter. */
const asSet = (values: readonly string[]) => [...new Set(values)].sort()

function optionsLine(options: PlanOptions): string {
  const { categories, exceptions } = options
  return JSON.stringify([
    'options',
    options.includeFeatured,
    [categories.savedTracks, categories.savedAlbums, categories.followedArtists, categories.playlistItems],
    asSet(exceptions.artistIds),
    asSet(exceptions.trackUris),
    asSet(exceptions.playlistIds),
  ])
}
