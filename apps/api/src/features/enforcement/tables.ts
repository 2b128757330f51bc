import type { ColumnType, Generated, Selectable } from 'kysely'
import type { EnforcementOptions, PlanSummary } from '@ndith/contracts'
import type { PlannedAction, SkippedItem } from './planner-types.ts'

type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
type Json<T> = ColumnType<T, string, string>

export interface EnforcementOptionsTable {
  user_id: string
  options: Json<EnforcementOptions>
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

/** A playlist as the plan saw it: its name and the snapshot id its positions belong to. */
export interface PlanPlaylist {
  id: string
  name: string
  snapshotId: string
}

export interface EnforcementPlansTable {
  id: Generated<string>
  user_id: string
  connection_id: string
  scan_id: string | null
  fingerprint: string
  options: Json<EnforcementOptions>
  summary: Json<PlanSummary>
  playlists: Json<PlanPlaylist[]>
  actions: Json<PlannedAction[]>
  skipped: Json<SkippedItem[]>
  scanned_at: ColumnType<Date, Date | string, never>
  created_at: CreatedAt
}

export type BatchStatus = 'pending' | 'running' | 'completed' | 'partially_failed' | 'failed' | 'cancelled' | 'rolled_back'

/** A run: enforcing a plan, or rolling back (part of) an earlier run. */
export interface ActionBatchesTable {
  id: Generated<string>
  user_id: string
  connection_id: string | null
  provider: string
  kind: 'enforce' | 'rollback'
  rollback_of: string | null
  status: ColumnType<BatchStatus, BatchStatus | undefined, BatchStatus>
  dry_run: ColumnType<boolean, boolean | undefined, boolean>
  options: ColumnType<unknown, string | undefined, string>
  summary: ColumnType<unknown, string | undefined, string>
  plan_id: string | null
  retries: ColumnType<number, number | undefined, number>
  error: string | null
  /** Started by "keep it enforced", not by the listener; `trigger` says what change it follows. */
  automatic: ColumnType<boolean, boolean | undefined, boolean>
  trigger: string | null
  created_at: CreatedAt
  started_at: NullableTimestamp
  completed_at: NullableTimestamp
}

export type RunItemKind =
  | 'remove_saved_track' | 'remove_saved_album' | 'unfollow_artist' | 'remove_playlist_item'
  | 'restore_saved_track' | 'restore_saved_album' | 'refollow_artist' | 'restore_playlist_item'

/** What undoing an executed item needs (enforce items), or where a restore puts it (rollback items). */
export interface ItemState {
  playlistId?: string
  playlistName?: string
  /** The positions the item had (enforce), or the one position it goes back to (rollback). */
  positions?: number[]
  addedAt?: string | null
  /** The playlist's snapshot id the positions belong to, and after the call. */
  snapshotId?: string
}

/** One provider mutation of a run; executed with the other items of its chunk in one call. */
export interface ActionItemsTable {
  id: Generated<string>
  batch_id: string
  entity_type: 'track' | 'album' | 'artist' | 'playlist' | 'playlist_item'
  entity_id: string
  action: RunItemKind
  /** (connection, action, container, uri). */
  idempotency_key: string
  before_state: ColumnType<ItemState | null, string | null, string | null>
  after_state: ColumnType<ItemState | null, string | null, string | null>
  status: ColumnType<'pending' | 'done' | 'failed' | 'skipped' | 'rolled_back', 'pending' | undefined, 'pending' | 'done' | 'failed'>
  error: string | null
  seq: number
  chunk: number
  name: string
  /** 'library', or the playlist id. */
  container: string
  restores_item_id: string | null
  note: string | null
  attempted_at: NullableTimestamp
  completed_at: NullableTimestamp
  created_at: CreatedAt
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export type PlanRow = Selectable<EnforcementPlansTable>
export type BatchRow = Selectable<ActionBatchesTable>
export type ItemRow = Selectable<ActionItemsTable>
