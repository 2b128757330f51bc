// Plain values only (the web app imports this; keep TypeBox out): the enforcement vocabulary and its wording.
import { vocabulary } from './vocabulary.ts'

/** The kinds of library content a plan can act on; each has an on/off toggle in the options. */
export const { codes: PLAN_CATEGORIES, labels: PLAN_CATEGORY_LABELS } = vocabulary({
  savedTracks: 'Saved tracks',
  savedAlbums: 'Saved albums',
  followedArtists: 'Followed artists',
  playlistItems: 'Playlist items',
})
export type PlanCategoryName = (typeof PLAN_CATEGORIES)[number]

/** What a plan does to one item. */
export const { codes: PLAN_ACTION_KINDS, labels: PLAN_ACTION_LABELS } = vocabulary({
  remove_saved_track: 'Remove saved track',
  remove_saved_album: 'Remove saved album',
  unfollow_artist: 'Unfollow artist',
  remove_playlist_item: 'Remove from playlist',
})
export type PlanActionKindName = (typeof PLAN_ACTION_KINDS)[number]

/** Which category an action belongs to (for grouping the preview). */
export const PLAN_ACTION_CATEGORY: Record<PlanActionKindName, PlanCategoryName> = {
  remove_saved_track: 'savedTracks',
  remove_saved_album: 'savedAlbums',
  unfollow_artist: 'followedArtists',
  remove_playlist_item: 'playlistItems',
}

/** What a rollback does to put an item back. */
export const { codes: RESTORE_ACTION_KINDS, labels: RESTORE_ACTION_LABELS } = vocabulary({
  restore_saved_track: 'Save track again',
  restore_saved_album: 'Save album again',
  refollow_artist: 'Follow artist again',
  restore_playlist_item: 'Put back in playlist',
})
export type RestoreActionKindName = (typeof RESTORE_ACTION_KINDS)[number]

/** What a run's item does: an action of a plan, or the restore that undoes one. */
export const { codes: RUN_ITEM_KINDS, labels: RUN_ITEM_LABELS } = vocabulary({ ...PLAN_ACTION_LABELS, ...RESTORE_ACTION_LABELS })
export type RunItemKindName = (typeof RUN_ITEM_KINDS)[number]

/** Why a matching item is left alone (a stable code to group by; each skipped item also says it in words). */
export const { codes: SKIP_CODES, labels: SKIP_LABELS } = vocabulary({
  playlist_not_editable: "Playlist you don't own",
  category_off: 'Category turned off',
  allowed_playlist: 'Playlist kept',
  allowed_track: 'Track kept',
  allowed_artist: 'Artist allowed',
  featured_only: 'Featured appearance only',
})
export type SkipCodeName = (typeof SKIP_CODES)[number]

/** A run either enforces a plan or rolls back (part of) an earlier run. */
export const RUN_KINDS = ['enforce', 'rollback'] as const
export type RunKindName = (typeof RUN_KINDS)[number]

/** queued → running → completed (every item done or failed) | failed (the run itself stopped, e.g. the account needs reconnecting). */
export const { codes: RUN_STATUSES, labels: RUN_STATUS_LABELS } = vocabulary({ queued: 'Waiting to start', running: 'Running', completed: 'Finished', failed: 'Stopped' })
export type RunStatusName = (typeof RUN_STATUSES)[number]

/** pending (not done yet) → done (the provider confirmed it, or it was already so) | failed (a permanent error). */
export const RUN_ITEM_STATUSES = ['pending', 'done', 'failed'] as const
export type RunItemStatusName = (typeof RUN_ITEM_STATUSES)[number]

/** What a rollback cannot put back exactly, listed before the listener confirms. */
export const { codes: ROLLBACK_ISSUES, labels: ROLLBACK_ISSUE_LABELS } = vocabulary({
  added_date: 'Comes back with today as its "added" date',
  playlist_changed: 'The playlist changed since: its position may differ',
  not_executed: 'Was never removed, so there is nothing to put back',
})
export type RollbackIssueName = (typeof ROLLBACK_ISSUES)[number]

/** Audit actions of enforcement (their Activity wording is in ACTIVITY_LABELS). */
export const ENFORCEMENT_AUDIT_ACTIONS = [
  'enforcement.options_updated', 'enforcement.planned', 'enforcement.run_started', 'enforcement.rollback_started',
  'enforcement.keep_enforced_updated', 'enforcement.auto_run_started', 'enforcement.auto_run_refused',
] as const
