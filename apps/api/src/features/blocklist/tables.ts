import type { ColumnType, Generated } from 'kysely'
import type { FileFormat } from '@ndith/contracts'

export interface UserArtistBlocksTable {
  id: Generated<string>
  user_id: string
  artist_id: string
  tags: ColumnType<string[], string[] | undefined, string[]>
  note: string | null
  created_at: ColumnType<Date, Date | undefined, never>
  updated_at: ColumnType<Date, Date | undefined, Date>
}

export interface BlocklistImportsTable {
  id: Generated<string>
  user_id: string
  format: FileFormat
  status: ColumnType<'previewed' | 'confirmed', 'previewed' | undefined, 'confirmed'>
  rows: ColumnType<unknown, string, never>
  summary: ColumnType<Record<string, number>, string, never>
  created_at: ColumnType<Date, Date | undefined, never>
  confirmed_at: ColumnType<Date | null, never, Date>
}
