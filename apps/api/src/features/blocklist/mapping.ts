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

/** Trimmed, without empties and without case-insensitive duplicates (first spelling wins). */
export function normalizeTags(tags: string[] | undefined): string[] {
  const seen = new Map<string, string>()
  for (const tag of tags ?? []) {
    const clean = tag.trim().replace(/\s+/g, ' ')
    if (clean && !seen.has(clean.toLowerCase())) seen.set(clean.toLowerCase(), clean)
  }
  return [...seen.values()]
}

export const normalizeNote = (note: string | null | undefined) => (note?.trim() ? note.trim() : null)
