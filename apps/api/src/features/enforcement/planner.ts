import { fingerprintPlanInputs } from './fingerprint.ts'
import { indexBlocklist, matchLibrary, type LibraryMatches } from './matching.ts'
import { compareText, sortForDisplay } from './ordering.ts'
import { ACTION_OF, CATEGORY_OF, CATEGORY_OF_ACTION, DEFAULT_PLAN_OPTIONS } from './planner-options.ts'
import type {
  ArtistCount,
  ArtistMatch,
  BlockedArtist,
  EffectiveBlocklist,
  LibraryItem,
  LibraryPlaylist,
  LibrarySnapshot,
  Plan,
  PlanOptions,
  PlannedAction,
  PlanSummary,
  SkipCode,
  SkippedItem,
} from './planner-types.ts'
import { actionReason, skipReasons } from './reasons.ts'

/**
 * The enforcement planner: (library snapshot × effective blocklist × options) → the actions a run
 * would take, each with the matched artists, their role, their lists and a reason in words; and
 * the matching items it will not touch, each with why. Pure and synchronous (no I/O), so the same
 * inputs always give the same plan and the same fingerprint.
 *
 * Cost is linear in the library: the blocklist is indexed by artist id once, each credit is looked
 * up once (the fingerprint reuses those matches), and only matching items are grouped and sorted.
 */
export function planEnforcement(snapshot: LibrarySnapshot, blocklist: EffectiveBlocklist, options: PlanOptions = DEFAULT_PLAN_OPTIONS): Plan {
  const context = planContext(snapshot, blocklist, options)
  const matched = matchLibrary(snapshot.items, context.blocked)
  const actions: PlannedAction[] = []
  const skipped: SkippedItem[] = []
  for (const group of groupMatchingItems(snapshot.items, matched)) {
    const decision = decide(group, context)
    if (decision.act) actions.push(toAction(group, decision.matches))
    else skipped.push(toSkipped(group, decision.code, decision.reason))
  }
  const playlists = [...context.playlists.values()]
  return {
    fingerprint: fingerprintPlanInputs(snapshot, blocklist, options, matched),
    summary: summarizePlan(actions, skipped),
    actions: sortForDisplay(actions, playlists),
    skipped: sortForDisplay(skipped, playlists),
  }
}

/** Spotify lets an app change a playlist the user owns or collaborates on; nothing else. */
export const isEditable = (playlist: LibraryPlaylist) => playlist.owned || playlist.collaborative

interface PlanContext {
  blocked: Map<string, BlockedArtist>
  playlists: Map<string, LibraryPlaylist>
  options: PlanOptions
  allowedArtists: Set<string>
  allowedUris: Set<string>
  allowedPlaylists: Set<string>
}

function planContext(snapshot: LibrarySnapshot, blocklist: EffectiveBlocklist, options: PlanOptions): PlanContext {
  return {
    blocked: indexBlocklist(blocklist),
    playlists: new Map(snapshot.playlists.map((playlist) => [playlist.id, playlist])),
    options,
    allowedArtists: new Set(options.exceptions.artistIds),
    allowedUris: new Set(options.exceptions.trackUris),
    allowedPlaylists: new Set(options.exceptions.playlistIds),
  }
}

/** One library entry that involves a listed artist: a playlist's repeats of a URI are one group. */
interface MatchingGroup {
  item: LibraryItem
  positions: number[]
  matches: ArtistMatch[]
}

/** Groups the matching items; a playlist's repeats of one URI become one group with every position. */
function groupMatchingItems(items: readonly LibraryItem[], matched: LibraryMatches): Iterable<MatchingGroup> {
  const groups = new Map<string, MatchingGroup>()
  items.forEach((item, index) => {
    const matches = matched[index]
    if (!matches) return
    const key = item.kind === 'playlist_item' ? `${item.playlistId ?? ''}\n${item.uri}` : `${item.kind}\n${item.uri}`
    const group = groups.get(key)
    if (!group) groups.set(key, { item, positions: item.position === undefined ? [] : [item.position], matches })
    else if (item.position !== undefined) group.positions.push(item.position)
  })
  return groups.values()
}

type Decision = { act: true; matches: ArtistMatch[] } | { act: false; code: SkipCode; reason: string }

const skip = (code: SkipCode, reason: string): Decision => ({ act: false, code, reason })

/**
 * Whether a matching item becomes an action. The checks run from what cannot be done (a playlist
 * Spotify won't let us change) through what the listener turned off or allowed, to featured-only
 * credits; the first that applies is the reason shown.
 */
function decide({ item, matches }: MatchingGroup, context: PlanContext): Decision {
  const { options } = context
  const playlist = item.kind === 'playlist_item' ? context.playlists.get(item.playlistId ?? '') : undefined
  if (item.kind === 'playlist_item' && !(playlist && isEditable(playlist))) return skip('playlist_not_editable', skipReasons.playlistNotEditable(playlist))
  const category = CATEGORY_OF[item.kind]
  if (!options.categories[category]) return skip('category_off', skipReasons.categoryOff(category))
  if (playlist && context.allowedPlaylists.has(playlist.id)) return skip('allowed_playlist', skipReasons.allowedPlaylist(playlist))
  if (context.allowedUris.has(item.uri)) return skip('allowed_track', skipReasons.allowedTrack(item.kind))
  const notAllowed = matches.filter((match) => !context.allowedArtists.has(match.artistId))
  if (notAllowed.length === 0) return skip('allowed_artist', skipReasons.allowedArtists(matches))
  const acted = options.includeFeatured ? notAllowed : notAllowed.filter((match) => match.role === 'primary')
  if (acted.length === 0) return skip('featured_only', skipReasons.featuredOnly(notAllowed))
  return { act: true, matches: acted }
}

/** Playlist entries carry their playlist and every position; library entries carry neither. */
function placement({ item, positions }: MatchingGroup): { playlistId?: string; positions?: number[] } {
  if (item.kind !== 'playlist_item') return {}
  return { playlistId: item.playlistId ?? '', positions: positions.sort((a, b) => a - b) }
}

function toAction(group: MatchingGroup, matches: ArtistMatch[]): PlannedAction {
  const { item } = group
  return { kind: ACTION_OF[item.kind], uri: item.uri, name: item.name, ...placement(group), matches, reason: actionReason(item.kind, matches) }
}

function toSkipped(group: MatchingGroup, code: SkipCode, reason: string): SkippedItem {
  const { item, matches } = group
  return { kind: item.kind, uri: item.uri, name: item.name, ...placement(group), matches, code, reason }
}

/** Counts per category and per artist (also of a plan narrowed to some of its actions). */
export function summarizePlan(actions: readonly PlannedAction[], skipped: readonly SkippedItem[]): PlanSummary {
  const byCategory = { savedTracks: 0, savedAlbums: 0, followedArtists: 0, playlistItems: 0 }
  const byArtist = new Map<string, ArtistCount>()
  for (const action of actions) {
    byCategory[CATEGORY_OF_ACTION[action.kind]]++
    for (const match of action.matches) {
      const counted = byArtist.get(match.artistId)
      if (counted) counted.count++
      else byArtist.set(match.artistId, { artistId: match.artistId, name: match.name, count: 1 })
    }
  }
  const byReason: Record<SkipCode, number> = { playlist_not_editable: 0, category_off: 0, allowed_playlist: 0, allowed_track: 0, allowed_artist: 0, featured_only: 0 }
  for (const item of skipped) byReason[item.code]++
  return {
    actions: actions.length,
    byCategory,
    byArtist: [...byArtist.values()].sort(mostActionsFirst),
    skipped: { total: skipped.length, byReason },
  }
}

const mostActionsFirst = (a: ArtistCount, b: ArtistCount) =>
  b.count - a.count || compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.artistId, b.artistId)
