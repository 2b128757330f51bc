import { parse } from 'csv-parse/sync'
import { MAX_IMPORT_ROWS, type ImportPreviewRequest } from '@ndith/contracts'
import { AppError, validationError } from '../../lib/app-error.ts'

/** One row of an import file, before it is matched against the catalog. */
export interface RawImportRow {
  index: number
  name: string | null
  url: string | null
  tags: string[]
  note: string | null
}

const contentError = (message: string) => validationError([{ field: 'content', code: 'unreadable', message }])
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null)
const splitTags = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/[|;,]/) : []

// Header names people use for each column; matched case-insensitively.
const headerAliases: Record<string, keyof Omit<RawImportRow, 'index'>> = {
  name: 'name', artist: 'name', artist_name: 'name', 'artist name': 'name',
  url: 'url', link: 'url', uri: 'url', spotify_url: 'url',
  tags: 'tags', tag: 'tags',
  note: 'note', notes: 'note', reason: 'note',
}

function parseCsv(content: string): RawImportRow[] {
  let records: string[][]
  try {
    records = parse(content, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true })
  } catch (error) {
    throw contentError(`The CSV could not be read: ${(error as Error).message}`)
  }
  const [header, ...body] = records
  const columns = (header ?? []).map((h) => headerAliases[h.toLowerCase()])
  if (!columns.includes('name') && !columns.includes('url')) {
    throw contentError('The CSV needs a header row with a "name" and/or "url" column (optional: "tags", "note")')
  }
  return body.map((cells, i) => {
    const get = (key: string) => cells[columns.indexOf(key as never)]
    return { index: i + 1, name: text(get('name')), url: text(get('url')), tags: splitTags(get('tags')), note: text(get('note')) }
  })
}

function parseJson(content: string): RawImportRow[] {
  let data: unknown
  try {
    data = JSON.parse(content)
  } catch (error) {
    throw contentError(`The JSON could not be read: ${(error as Error).message}`)
  }
  // Accepts our own export ({ entries: [...] }) or a plain array of rows or names.
  const list = Array.isArray(data) ? data : (data as { entries?: unknown })?.entries
  if (!Array.isArray(list)) throw contentError('The JSON must be an array of artists or an export with an "entries" array')
  return list.map((item, i) => {
    if (typeof item === 'string') return { index: i + 1, name: text(item), url: null, tags: [], note: null }
    const row = (item ?? {}) as Record<string, unknown>
    return { index: i + 1, name: text(row.name ?? row.artist), url: text(row.url), tags: splitTags(row.tags), note: text(row.note) }
  })
}

export function parseImport({ format, content }: ImportPreviewRequest): RawImportRow[] {
  const rows = format === 'csv' ? parseCsv(content) : parseJson(content)
  if (rows.length === 0) throw contentError('The file has no rows to import')
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new AppError('PAYLOAD_TOO_LARGE', `An import can hold at most ${MAX_IMPORT_ROWS.toLocaleString('en')} rows; this one has ${rows.length.toLocaleString('en')}`)
  }
  return rows
}
