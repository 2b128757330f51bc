import type { ArtistMatch, BlocklistSource, LibraryItemKind, LibraryPlaylist, PlanCategory } from './planner-types.ts'

/**
 * The words a listener reads next to each planned or skipped item. Kept apart from the matching so
 * the wording can change without touching the planner (and without changing a plan's fingerprint).
 */

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? ''
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}

const quoted = (text: string) => `“${text}”`

/** "on your personal list", "from “Documented abuse” v2", or both. */
export function describeSources(sources: readonly BlocklistSource[]): string {
  const personal = sources.some((source) => source.type === 'personal')
  const lists = sources.flatMap((source) => (source.type === 'list' ? [`${quoted(source.listName)} v${source.version}`] : []))
  const parts: string[] = []
  if (personal) parts.push('on your personal list')
  if (lists.length > 0) parts.push(`from ${joinWords(lists)}`)
  return joinWords(parts)
}

/** "Chris Brown (on your personal list)". */
const describeArtist = (match: ArtistMatch) => `${match.name} (${describeSources(match.sources)})`

const describeArtists = (matches: readonly ArtistMatch[]) => joinWords(matches.map(describeArtist))

const LEAD_IN: Record<LibraryItemKind, string> = {
  saved_track: 'Track by',
  playlist_item: 'Track by',
  saved_album: 'Album by',
  followed_artist: 'You follow',
}

/** "Track by Chris Brown (on your personal list); features R. Kelly (from “Documented abuse” v2)". */
export function actionReason(kind: LibraryItemKind, matches: readonly ArtistMatch[]): string {
  const primary = matches.filter((match) => match.role === 'primary')
  const featured = matches.filter((match) => match.role === 'featured')
  const parts: string[] = []
  if (primary.length > 0) parts.push(`${LEAD_IN[kind]} ${describeArtists(primary)}`)
  if (featured.length > 0) parts.push(`${parts.length > 0 ? 'features' : 'Features'} ${describeArtists(featured)}`)
  return parts.join('; ')
}

const CATEGORY_LABEL: Record<PlanCategory, string> = {
  savedTracks: 'Saved tracks',
  savedAlbums: 'Saved albums',
  followedArtists: 'Followed artists',
  playlistItems: 'Playlist items',
}

const ITEM_NOUN: Record<LibraryItemKind, string> = {
  saved_track: 'track',
  playlist_item: 'track',
  saved_album: 'album',
  followed_artist: 'artist',
}

export const skipReasons = {
  playlistNotEditable(playlist: LibraryPlaylist | undefined): string {
    if (!playlist) return "This playlist wasn't part of the library scan, so it is left alone"
    return "You follow this playlist but don't own it; Spotify doesn't let apps change it"
  },
  categoryOff: (category: PlanCategory) => `${CATEGORY_LABEL[category]} are turned off for this plan`,
  allowedPlaylist: (playlist: LibraryPlaylist) => `You allowed the playlist ${quoted(playlist.name)}`,
  allowedTrack: (kind: LibraryItemKind) => `You allowed this ${ITEM_NOUN[kind]}`,
  allowedArtists: (allowed: readonly ArtistMatch[]) => `You allowed ${joinWords(allowed.map((match) => match.name))}`,
  featuredOnly: (featured: readonly ArtistMatch[]) =>
    `Only a featured appearance of ${describeArtists(featured)}; featured appearances are off`,
}
