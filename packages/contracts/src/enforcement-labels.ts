// Plain values only (the web app imports this; keep TypeBox out): the enforcement vocabulary and its wording.

/** The kinds of library content a plan can act on; each has an on/off toggle in the options. */
export const PLAN_CATEGORIES = ['savedTracks', 'savedAlbums', 'followedArtists', 'playlistItems'] as const
export type PlanCategoryName = (typeof PLAN_CATEGORIES)[number]

export const PLAN_CATEGORY_LABELS: Record<PlanCategoryName, string> = {
  savedTracks: 'Saved tracks',
  savedAlbums: 'Saved albums',
  followedArtists: 'Followed artists',
  playlistItems: 'Playlist items',
}

/** What a plan does to one item. */
export const PLAN_ACTION_KINDS = ['remove_saved_track', 'remove_saved_album', 'unfollow_artist', 'remove_playlist_item'] as const
export type PlanActionKindName = (typeof PLAN_ACTION_KINDS)[number]

export const PLAN_ACTION_LABELS: Record<PlanActionKindName, string> = {
  remove_saved_track: 'Remove saved track',
  remove_saved_album: 'Remove saved album',
  unfollow_artist: 'Unfollow artist',
  remove_playlist_item: 'Remove from playlist',
}

/** Which category an action belongs to (for grouping the preview). */
export const PLAN_ACTION_CATEGORY: Record<PlanActionKindName, PlanCategoryName> = {
  remove_saved_track: 'savedTracks',
  remove_saved_album: 'savedAlbums',
  unfollow_artist: 'followedArtists',
  remove_playlist_item: 'playlistItems',
}

/** What a rollback does to put an item back. */
export const RESTORE_ACTION_KINDS = ['restore_saved_track', 'restore_saved_album', 'refollow_artist', 'restore_playlist_item'] as const
export type RestoreActionKindName = (typeof RESTORE_ACTION_KINDS)[number]

export const RESTORE_ACTION_LABELS: Record<RestoreActionKindName, string> = {
  restore_saved_track: 'Save track again',
  restore_saved_album: 'Save album again',
  refollow_artist: 'Follow artist again',
  restore_playlist_item: 'Put back in playlist',
}

export type RunItemKindName = PlanActionKindName | RestoreActionKindName
export const RUN_ITEM_LABELS: Record<RunItemKindName, string> = { ...PLAN_ACTION_LABELS, ...RESTORE_ACTION_LABELS }

/** Why a matching item is left alone (a stable code to group by; each skipped item also says it in words). */
export const SKIP_CODES = ['playlist_not_editable', 'category_off', 'allowed_playlist', 'allowed_track', 'allowed_artist', 'featured_only'] as const
export type SkipCodeName = (typeof SKIP_CODES)[number]

export const SKIP_LABELS: Record<SkipCodeName, string> = {
  playlist_not_editable: "Playlist you don't own",
  category_off: 'Category turned off',
  allowed_playlist: 'Playlist kept',
  allowed_track: 'Track kept',
  allowed_artist: 'Artist allowed',
  featured_only: 'Featured appearance only',
}

/** A run either enforces a plan or rolls back (part of) an earlier run. */
export const RUN_KINDS = ['enforce', 'rollback'] as const
export type RunKindName = (typeof RUN_KINDS)[number]

/** queued → running → completed (every item done or failed) | failed (the run itself stopped, e.g. the account needs reconnecting). */
export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const
export type RunStatusName = (typeof RUN_STATUSES)[number]

export const RUN_STATUS_LABELS: Record<RunStatusName, string> = {
  queued: 'Waiting to start',
  running: 'Running',
  completed: 'Finished',
  failed: 'Stopped',
}

/** pending (not done yet) → done (the provider confirmed it, or it was already so) | failed (a permanent error). */
export const RUN_ITEM_STATUSES = ['pending', 'done', 'failed'] as const
export type RunItemStatusName = (typeof RUN_ITEM_STATUSES)[number]

/** What a rollback cannot put back exactly, listed before the listener confirms. */
export const ROLLBACK_ISSUES = ['added_date', 'playlist_changed', 'not_executed'] as const
export type RollbackIssueName = (typeof ROLLBACK_ISSUES)[number]

export const ROLLBACK_ISSUE_LABELS: Record<RollbackIssueName, string> = {
  added_date: 'Comes back with today as its "added" date',
  playlist_changed: 'The playlist changed since: its position may differ',
  not_executed: 'Was never removed, so there is nothing to put back',
}

/** Audit actions of enforcement (their Activity wording is in ACTIVITY_LABELS). */
export const ENFORCEMENT_AUDIT_ACTIONS = [
  'enforcement.options_updated', 'enforcement.planned', 'enforcement.run_started', 'enforcement.rollback_started',
  'enforcement.keep_enforced_updated', 'enforcement.auto_run_started', 'enforcement.auto_run_refused',
] as const
