import type { ArtistMatch, BlockedArtist, EffectiveBlocklist, LibraryItem } from './planner-types.ts'

/**
 * Finding listed artists on library items: the one place that walks every credit of every item.
 * Both the planner and the fingerprint need the result, so it is computed once and shared; on a
 * large library this walk (20,000-odd credits, one map lookup each) is most of a plan's cost.
 */

/** artist id → entry; an artist listed twice (it should not be) keeps the sources of both. */
export function indexBlocklist(blocklist: EffectiveBlocklist): Map<string, BlockedArtist> {
  const blocked = new Map<string, BlockedArtist>()
  for (const entry of blocklist.entries) {
    const seen = blocked.get(entry.artistId)
    blocked.set(entry.artistId, seen ? { ...seen, sources: [...seen.sources, ...entry.sources] } : entry)
  }
  return blocked
}

/** For each item (same index), its listed artists, or undefined when it has none (most items). */
export type LibraryMatches = readonly (ArtistMatch[] | undefined)[]

export function matchLibrary(items: readonly LibraryItem[], blocked: ReadonlyMap<string, BlockedArtist>): LibraryMatches {
  return items.map((item) => matchArtists(item, blocked))
}

/** The item's listed artists in credit order; no allocation for an item without any. */
function matchArtists(item: LibraryItem, blocked: ReadonlyMap<string, BlockedArtist>): ArtistMatch[] | undefined {
  let matches: ArtistMatch[] | undefined
  for (const credit of item.artists) {
    const entry = blocked.get(credit.artistId)
    if (entry) (matches ??= []).push({ artistId: entry.artistId, name: entry.name, role: credit.role, sources: entry.sources })
  }
  return matches && matches.length > 1 ? creditedOnce(matches) : matches
}

/** An artist credited twice on one item (it happens) counts once, as primary if either credit is. */
function creditedOnce(matches: ArtistMatch[]): ArtistMatch[] {
  const byArtist = new Map<string, ArtistMatch>()
  for (const match of matches) {
    const seen = byArtist.get(match.artistId)
    if (!seen) byArtist.set(match.artistId, match)
    else if (match.role === 'primary') seen.role = 'primary'
  }
  return [...byArtist.values()]
}
