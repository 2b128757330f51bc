import type { EffectiveSource } from '@ndith/contracts'

/**
 * The enforcement planner's inputs and output. The planner is a pure function of these, so a plan
 * can be recomputed, compared (by fingerprint) and tested on fixtures without a database.
 */

// ---- Input: what the library scan stores ----

export type ArtistRole = 'primary' | 'featured'

/** One credited artist on a library item, already mapped to the catalog. */
export interface LibraryArtist {
  /** Catalog artist uuid (not the provider's id), so it can be matched against the blocklist. */
  artistId: string
  name: string
  role: ArtistRole
}

export type LibraryItemKind = 'saved_track' | 'saved_album' | 'followed_artist' | 'playlist_item'

export interface LibraryItem {
  kind: LibraryItemKind
  /** The provider URI, e.g. `spotify:track:…`; what the removal calls take. */
  uri: string
  name: string
  /** Only for playlist items. */
  playlistId?: string
  /** Only for playlist items: zero-based position in the playlist at scan time. */
  position?: number
  addedAt?: string
  /** A followed artist has one 'primary' artist (itself); an album's artists are all primary. */
  artists: readonly LibraryArtist[]
}

export interface LibraryPlaylist {
  id: string
  name: string
  owned: boolean
  collaborative: boolean
  /** Spotify's version of the playlist; a changed one means the plan's positions are stale. */
  snapshotId: string
  /** The user follows the playlist without owning it. */
  followedOnly?: boolean
}

export interface LibrarySnapshot {
  provider: 'spotify'
  scannedAt: string
  items: readonly LibraryItem[]
  playlists: readonly LibraryPlaylist[]
}

// ---- Input: the effective blocklist (personal ∪ subscribed community lists) ----

/** Where a blocked artist comes from: exactly the API's `EffectiveSource` (personal, or a list at a version). */
export type BlocklistSource = EffectiveSource

export interface BlockedArtist {
  artistId: string
  name: string
  sources: readonly BlocklistSource[]
}

export interface EffectiveBlocklist {
  entries: readonly BlockedArtist[]
}

// ---- Input: the listener's choices ----

export type PlanCategory = 'savedTracks' | 'savedAlbums' | 'followedArtists' | 'playlistItems'

export interface PlanOptions {
  /** Also act on items where a listed artist is only featured. */
  includeFeatured: boolean
  categories: Record<PlanCategory, boolean>
  /** What the listener keeps even though it matches: never planned, shown as skipped. */
  exceptions: {
    artistIds: readonly string[]
    /** Item URIs to keep (a track, wherever it appears; any item URI works). */
    trackUris: readonly string[]
    playlistIds: readonly string[]
  }
}

// ---- Output: the plan ----

export type PlannedActionKind = 'remove_saved_track' | 'remove_saved_album' | 'unfollow_artist' | 'remove_playlist_item'

/** A listed artist found on an item, with the lists that put it there. */
export interface ArtistMatch {
  artistId: string
  name: string
  role: ArtistRole
  sources: readonly BlocklistSource[]
}

export interface PlannedAction {
  kind: PlannedActionKind
  uri: string
  name: string
  playlistId?: string
  /** Every position of `uri` in the playlist: Spotify's removal takes every occurrence at once. */
  positions?: number[]
  matches: ArtistMatch[]
  /** Why, in plain words, naming the artists and their lists. */
  reason: string
}

/** Why a matching item is not acted on; a stable code for grouping in the UI, next to the words. */
export type SkipCode = 'playlist_not_editable' | 'category_off' | 'allowed_playlist' | 'allowed_track' | 'allowed_artist' | 'featured_only'

export interface SkippedItem {
  kind: LibraryItemKind
  uri: string
  name: string
  playlistId?: string
  positions?: number[]
  /** The listed artists found on the item (all of them, including allowed or featured ones). */
  matches: ArtistMatch[]
  code: SkipCode
  reason: string
}

export interface ArtistCount {
  artistId: string
  name: string
  /** Planned actions that name this artist. */
  count: number
}

export interface PlanSummary {
  actions: number
  byCategory: Record<PlanCategory, number>
  /** Most actions first, then by name. */
  byArtist: ArtistCount[]
  skipped: { total: number; byReason: Record<SkipCode, number> }
}

export interface Plan {
  /** sha256 (hex) of the inputs that decide the plan; recompute and compare to detect a stale plan. */
  fingerprint: string
  summary: PlanSummary
  actions: PlannedAction[]
  skipped: SkippedItem[]
}
