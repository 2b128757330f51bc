import { createHash } from 'node:crypto'
import { indexBlocklist, matchLibrary, type LibraryMatches } from './matching.ts'
import type { ArtistMatch, BlockedArtist, BlocklistSource, EffectiveBlocklist, LibraryItem, LibraryPlaylist, LibrarySnapshot, PlanOptions } from './planner-types.ts'

/**
 * Bumped whenever the planner's rules change, so plans stored by an older planner read as stale
 * even when their inputs did not change.
 */
export const PLANNER_VERSION = 1

/**
 * A plan's fingerprint: sha256 over a canonical serialisation of everything the plan depends on —
 * every item's URI, kind, playlist and position; on each item, the credits of listed artists with
 * their role (other credits cannot change a plan while the blocklist stays the same, and a changed
 * blocklist changes the fingerprint anyway); playlists' snapshot ids and editability; blocked
 * artist ids with their sources (list id and version); and the options. Display names and dates
 * are left out, so a renamed track or list, or a re-scan that finds the same library, does not
 * make a plan stale.
 *
 * Canonical means independent of the order the scan or the database returned things in:
 * - playlists, blocked artists and options are lines of tab-separated fields, sorted;
 * - each library item is one line too, but reduced to a 53-bit digest as soon as it is built, and
 *   the digests are sorted as numbers. Keeping 10,000 item lines alive to sort them as strings
 *   made a whole plan about a fifth slower (measured; mostly garbage collection), while sorting
 *   numbers in a typed array keeps nothing per item. 53 bits per item are plenty to notice that a
 *   library changed.
 * Fields are provider URIs, ids and numbers (never free text), so they hold no tab or newline.
 */
export function fingerprintPlanInputs(
  snapshot: LibrarySnapshot,
  blocklist: EffectiveBlocklist,
  options: PlanOptions,
  // The planner passes the matches it already found; on its own, the fingerprint finds them.
  matched: LibraryMatches = matchLibrary(snapshot.items, indexBlocklist(blocklist)),
): string {
  const { items, playlists } = snapshot
  const header = `planner\t${PLANNER_VERSION}\t${snapshot.provider}\t${items.length}\t${playlists.length}\t${blocklist.entries.length}`
  return createHash('sha256')
    .update(sortedLines([header, optionsLine(options), ...playlists.map(playlistLine), ...blocklist.entries.map(blockedLine)]))
    .update(sortedItemDigests(items, matched))
    .digest('hex')
}

const sortedLines = (lines: string[]) => lines.sort().join('\n') + '\n'

const playlistLine = (playlist: LibraryPlaylist) =>
  `playlist\t${playlist.id}\t${playlist.snapshotId}\t${playlist.owned}\t${playlist.collaborative}\t${playlist.followedOnly ?? false}`

const blockedLine = (entry: BlockedArtist) => `blocked\t${entry.artistId}\t${entry.sources.map(sourceKey).sort().join('\t')}`

const sourceKey = (source: BlocklistSource) => (source.type === 'personal' ? 'personal' : `list:${source.listId}:${source.version}`)

/** Listed credits keep their credit order: it is part of the scanned data and of the reason's wording. */
function itemLine(item: LibraryItem, matches: readonly ArtistMatch[] | undefined): string {
  let line = `item\t${item.uri}\t${item.kind}\t${item.playlistId ?? ''}\t${item.position ?? ''}`
  if (matches) for (const match of matches) line += `\t${match.artistId}:${match.role}`
  return line
}

/** Each item's line as a digest, sorted, as little-endian float64s (the same bytes on every machine). */
function sortedItemDigests(items: readonly LibraryItem[], matched: LibraryMatches): Uint8Array {
  const digests = new Float64Array(items.length)
  items.forEach((item, index) => (digests[index] = digest53(itemLine(item, matched[index]))))
  digests.sort()
  const bytes = new DataView(new ArrayBuffer(digests.length * 8))
  digests.forEach((digest, index) => bytes.setFloat64(index * 8, digest, true))
  return new Uint8Array(bytes.buffer)
}

/** cyrb53 (public domain): a fast, well-mixed 53-bit string hash; an integer, so exact in a float64. */
function digest53(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/** Exceptions are sets: their order and repeats do not matter. */
const asSet = (values: readonly string[]) => [...new Set(values)].sort()

function optionsLine(options: PlanOptions): string {
  const { categories, exceptions } = options
  const toggles = [categories.savedTracks, categories.savedAlbums, categories.followedArtists, categories.playlistItems]
  const sets = [exceptions.artistIds, exceptions.trackUris, exceptions.playlistIds].map((values) => asSet(values).join(','))
  return ['options', options.includeFeatured, ...toggles, ...sets].join('\t')
}
