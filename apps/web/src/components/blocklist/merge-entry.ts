import { normalizeTags, type BlocklistEntry } from '@ndith/contracts'

export interface EntryValues {
  tags: string[]
  note: string | null
}

/** What typed values add to an entry already on the list: tags it lacks, and a note it does not hold yet. */
export function newToEntry(entry: BlocklistEntry, typed: EntryValues): EntryValues {
  const have = new Set(entry.tags.map((t) => t.toLowerCase()))
  const note = typed.note?.trim() || null
  return { tags: normalizeTags(typed.tags).filter((t) => !have.has(t.toLowerCase())), note: note && !entry.note?.includes(note) ? note : null }
}

/** The entry's tags and note with the new ones added (the note on a line of its own after the old one). */
export function mergedInto(entry: BlocklistEntry, added: EntryValues): EntryValues {
  return {
    tags: [...entry.tags, ...added.tags],
    note: added.note ? (entry.note ? `${entry.note}\n${added.note}` : added.note) : entry.note,
  }
}
