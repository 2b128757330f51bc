import { MAX_NOTE_LENGTH, MAX_TAGS, normalizeTags, parseProviderUrl, type ImportRow } from '@ndith/contracts'

/** Rows with the same key are the same artist: one matched artist, or the same link or name when unmatched. */
function sameArtistKey(row: ImportRow): string | null {
  if (row.status === 'invalid') return null
  if (row.artist) return `artist:${row.artist.id}`
  if (row.input.url) {
    const ref = parseProviderUrl(row.input.url)
    return ref ? `link:${ref.provider}:${ref.id}` : null
  }
  return row.input.name ? `name:${row.input.name.toLowerCase()}` : null
}

/** Tags of all rows (each once, first spelling wins, at most MAX_TAGS); distinct notes joined. */
function mergeInputs(rows: ImportRow[]): ImportRow['input'] {
  const [first] = rows as [ImportRow, ...ImportRow[]]
  const tags = normalizeTags(rows.flatMap((r) => r.input.tags)).slice(0, MAX_TAGS)
  const notes = [...new Set(rows.flatMap((r) => (r.input.note ? [r.input.note] : [])))]
  const note = notes.length ? notes.join('; ').slice(0, MAX_NOTE_LENGTH) : null
  return { ...first.input, tags, note }
}

const label = (row: ImportRow) => row.artist?.name ?? row.input.name ?? row.input.url ?? `row ${row.index}`

/**
 * Two rows for one artist in a file become one: the first row keeps the artist, with the later
 * rows' tags and notes merged in (combinedRows lists them); each later row is marked duplicate.
 */
export function combineDuplicates(rows: ImportRow[]): ImportRow[] {
  const groups = new Map<string, ImportRow[]>()
  for (const row of rows) {
    const key = sameArtistKey(row)
    if (!key) continue
    const group = groups.get(key)
    if (group) group.push(row)
    else groups.set(key, [row])
  }
  const replaced = new Map<number, ImportRow>()
  for (const group of groups.values()) {
    if (group.length < 2) continue
    const [first, ...later] = group as [ImportRow, ...ImportRow[]]
    const message = `${group.length} rows for ${label(first)} combined (rows ${group.map((r) => r.index).join(', ')})`
    replaced.set(first.index, { ...first, input: mergeInputs(group), combinedRows: later.map((r) => r.index), message: first.status === 'will_add' ? message : `${first.message ?? ''} · ${message}` })
    for (const row of later) {
      replaced.set(row.index, { ...row, status: 'duplicate', artist: first.artist, candidates: [], duplicateOf: first.index, message: `Combined with row ${first.index} (${label(first)})` })
    }
  }
  return rows.map((row) => replaced.get(row.index) ?? row)
}
