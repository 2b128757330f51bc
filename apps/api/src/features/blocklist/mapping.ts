import type { BlocklistEntry } from '@ndith/contracts'
import { toArtist } from '../artists/mapping.ts'
import type { EntryRow } from './repository.ts'

export const toEntry = (row: EntryRow): BlocklistEntry => ({
  id: row.entry_id,
  artist: toArtist(row),
  tags: row.tags,
  note: row.note,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
})

export const normalizeNote = (note: string | null | undefined) => (note?.trim() ? note.trim() : null)
