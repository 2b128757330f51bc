import type { ColumnType, Generated, Selectable } from 'kysely'

type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>

export type ScanStatus = 'queued' | 'running' | 'completed' | 'failed'
export type LibraryItemKind = 'saved_track' | 'saved_album' | 'followed_artist' | 'playlist_item'
/** What a scan is reading now, in this order. */
export type ScanPhase = 'saved_tracks' | 'saved_albums' | 'followed_artists' | 'playlists' | 'playlist_items'

/** One reading of a connected library; its rows become the snapshot when it completes. */
export interface LibraryScansTable {
  id: Generated<string>
  connection_id: string
  status: ColumnType<ScanStatus, ScanStatus | undefined, ScanStatus>
  phase: ScanPhase | null
  pages_done: ColumnType<number, number | undefined, number>
  items_found: ColumnType<number, number | undefined, number>
  retries: ColumnType<number, number | undefined, number>
  error: string | null
  created_at: CreatedAt
  started_at: NullableTimestamp
  completed_at: NullableTimestamp
}

export interface LibraryPlaylistsTable {
  scan_id: string
  playlist_id: string
  name: string
  owner_id: string
  /** Owned or collaborative: its items were read and may be changed. */
  owned: boolean
  collaborative: boolean
  snapshot_id: string
  item_count: number
}

export interface LibraryItemsTable {
  /** Minted by the scan (randomUUID), so its artists can be inserted in the same round trip. */
  id: string
  scan_id: string
  kind: LibraryItemKind
  uri: string
  name: string
  playlist_id: string | null
  position: number | null
  added_at: NullableTimestamp
}

export interface LibraryItemArtistsTable {
  item_id: string
  artist_id: string
  role: 'primary' | 'featured'
}

export type LibraryScanRow = Selectable<LibraryScansTable>
