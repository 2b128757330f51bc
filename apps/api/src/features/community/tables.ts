import type { ColumnType, Generated } from 'kysely'
import type { ListVisibility as Visibility, ReportReason, ReportStatus, UpdateCadence } from '@ndith/contracts'

type Timestamp = ColumnType<Date, Date | undefined, Date>

// The column types are the contract's enums (a migration's CHECK constraint holds the same values).
export type { UpdateCadence, Visibility }

export interface CommunityListsTable {
  id: Generated<string>
  owner_id: string | null
  name: string
  description: ColumnType<string, string | undefined, string>
  criteria: string
  update_cadence: ColumnType<UpdateCadence, UpdateCadence | undefined, UpdateCadence>
  visibility: ColumnType<Visibility, Visibility | undefined, Visibility>
  current_version: number | null
  created_at: ColumnType<Date, Date | undefined, never>
  updated_at: Timestamp
}

export interface CommunityListItemsTable {
  list_id: string
  artist_id: string
  rationale: string
  evidence_url: string | null
  added_at: ColumnType<Date, Date | undefined, never>
}

/** Immutable once inserted (a database trigger refuses updates). */
export interface CommunityListVersionsTable {
  id: Generated<string>
  list_id: string
  version: number
  changelog: string | null
  item_count: number
  published_by: string | null
  published_at: ColumnType<Date, Date | undefined, never>
}

export interface CommunityListVersionItemsTable {
  version_id: string
  artist_id: string
  rationale: string
  evidence_url: string | null
  added_at: Date
}

/** pinned_version set = pinned; NULL = auto-update up to accepted_version. */
export interface CommunityListSubscriptionsTable {
  user_id: string
  list_id: string
  pinned_version: number | null
  accepted_version: number
  created_at: ColumnType<Date, Date | undefined, never>
  updated_at: Timestamp
}

export interface CommunityListReportsTable {
  id: Generated<string>
  list_id: string
  artist_id: string
  reporter_id: string | null
  reason: ReportReason
  details: ColumnType<string, string | undefined, string>
  status: ColumnType<ReportStatus, 'open' | undefined, ReportStatus>
  created_at: ColumnType<Date, Date | undefined, never>
}
