import { PLAN_ACTION_CATEGORY, type EffectiveEntry } from '@ndith/contracts'
import type { EffectiveBlocklist, LibraryItemKind, PlanCategory, PlanOptions, PlannedActionKind } from './planner-types.ts'

/**
 * Defaults: every category on, no exceptions, featured appearances off. Removing is destructive,
 * so a first plan only touches what a listed artist made; the preview still lists the featured
 * appearances as skipped ("featured appearances are off"), one toggle away.
 */
export const DEFAULT_PLAN_OPTIONS: PlanOptions = Object.freeze({
  includeFeatured: false,
  categories: Object.freeze({ savedTracks: true, savedAlbums: true, followedArtists: true, playlistItems: true }),
  exceptions: Object.freeze({ artistIds: [], trackUris: [], playlistIds: [] }),
})

export interface PartialPlanOptions {
  includeFeatured?: boolean
  categories?: Partial<PlanOptions['categories']>
  exceptions?: Partial<PlanOptions['exceptions']>
}

/** Fills what a stored or requested set of options leaves out (or leaves undefined) with the defaults. */
export function withPlanDefaults(options: PartialPlanOptions = {}): PlanOptions {
  const categories = options.categories ?? {}
  const exceptions = options.exceptions ?? {}
  const defaults = DEFAULT_PLAN_OPTIONS
  return {
    includeFeatured: options.includeFeatured ?? defaults.includeFeatured,
    categories: {
      savedTracks: categories.savedTracks ?? defaults.categories.savedTracks,
      savedAlbums: categories.savedAlbums ?? defaults.categories.savedAlbums,
      followedArtists: categories.followedArtists ?? defaults.categories.followedArtists,
      playlistItems: categories.playlistItems ?? defaults.categories.playlistItems,
    },
    exceptions: {
      artistIds: exceptions.artistIds ?? defaults.exceptions.artistIds,
      trackUris: exceptions.trackUris ?? defaults.exceptions.trackUris,
      playlistIds: exceptions.playlistIds ?? defaults.exceptions.playlistIds,
    },
  }
}

/** Which option toggles an item kind, and which action removes it. */
export const CATEGORY_OF: Record<LibraryItemKind, PlanCategory> = {
  saved_track: 'savedTracks',
  saved_album: 'savedAlbums',
  followed_artist: 'followedArtists',
  playlist_item: 'playlistItems',
}

export const ACTION_OF: Record<LibraryItemKind, PlannedActionKind> = {
  saved_track: 'remove_saved_track',
  saved_album: 'remove_saved_album',
  followed_artist: 'unfollow_artist',
  playlist_item: 'remove_playlist_item',
}

/** Which category an action belongs to: the contract's table, so the API and the web app agree. */
export const CATEGORY_OF_ACTION: Record<PlannedActionKind, PlanCategory> = PLAN_ACTION_CATEGORY

/** What the planner needs of one of the API's effective blocklist entries (`EffectiveEntry`). */
export type EffectiveEntryLike = Pick<EffectiveEntry, 'sources'> & { artist: { id: string; name: string } }

/** The API's effective blocklist entries (every page of them) as the planner's input. */
export function toEffectiveBlocklist(entries: readonly EffectiveEntryLike[]): EffectiveBlocklist {
  return { entries: entries.map(({ artist, sources }) => ({ artistId: artist.id, name: artist.name, sources })) }
}
