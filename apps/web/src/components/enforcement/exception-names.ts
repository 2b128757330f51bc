import type { ArtistMatch, EnforcementOptions } from '@ndith/contracts'

/** Which list of exceptions a value goes in. */
export type ExceptionKind = keyof EnforcementOptions['exceptions']

/** Names for the ids and URIs in the exceptions, learnt from the plan's items (the options hold ids only). */
export interface ExceptionNames {
  artists: Record<string, string>
  tracks: Record<string, string>
  playlists: Record<string, string>
}

export const noNames = (): ExceptionNames => ({ artists: {}, tracks: {}, playlists: {} })

type Named = { uri: string; name: string; playlistId: string | null; playlistName: string | null; matches: readonly ArtistMatch[] }

/** The names the items carry, added to what was known (a new object, so the page's state sees the change). */
export function learnNames(known: ExceptionNames, items: readonly Named[]): ExceptionNames {
  const next = { artists: { ...known.artists }, tracks: { ...known.tracks }, playlists: { ...known.playlists } }
  for (const item of items) {
    next.tracks[item.uri] = item.name
    if (item.playlistId && item.playlistName) next.playlists[item.playlistId] = item.playlistName
    for (const match of item.matches) next.artists[match.artistId] = match.name
  }
  return next
}
