import { parse } from 'csv-parse/sync'
import { MAX_IMPORT_ROWS, parseProviderUrl, type ImportPreviewRequest } from '@ndith/contracts'
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

const headerError = () => contentError('The CSV needs a header row with a "name" and/or "url" column (optional: "tags", "note")')

const csvOptions = { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true } as const

function readCsv(content: string): string[][] {
  try {
    return parse(content, csvOptions)
  } catch (error) {
    throw contentError(`The CSV could not be read: ${(error as Error).message}`)
  }
}

/** The first line's cells, or null when even that line is not valid CSV (a plain name such as "Weird Al" Yankovic). */
function firstLine(content: string): string[] | null {
  try {
    return (parse(content, { ...csvOptions, to_line: 1 }) as string[][])[0] ?? []
  } catch {
    return null
  }
}

/** Several columns on every line look like a table under a header we do not know. */
function looksLikeTable(content: string, width: number): boolean {
  if (width < 2) return false
  try {
    return (parse(content, csvOptions) as string[][]).every((r) => r.length === width)
  } catch {
    return false
  }
}

/**
 * Plain names pasted one per line, without a header: each whole line is one artist (a name may
 * hold commas, "Earth, Wind & Fire"), or a link. Lines that are wrapped in quotes lose them.
 */
function plainLines(content: string): RawImportRow[] {
  return content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^"(.*)"$/, '$1').replaceAll('""', '"').trim())
    .filter(Boolean)
    .map((line, i) => ({ index: i + 1, name: line, url: null, tags: [], note: null }))
}

function parseCsv(content: string): RawImportRow[] {
  const header = firstLine(content)
  const columns = (header ?? []).map((h) => headerAliases[h.toLowerCase()])
  if (!columns.includes('name') && !columns.includes('url')) {
    // No known header: a plain list, one artist per line, unless it looks like a table.
    if (looksLikeTable(content, header?.length ?? 0)) throw headerError()
    return plainLines(content)
  }
  return readCsv(content)
    .slice(1)
    .map((cells, i) => {
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

const looksLikeLink = (value: string) => parseProviderUrl(value) !== undefined || /^https?:\/\//i.test(value)

/** A link in the name column (and none in the url column) is read as the row's link. */
function linkInName(row: RawImportRow): RawImportRow {
  return row.name && !row.url && looksLikeLink(row.name) ? { ...row, name: null, url: row.name } : row
}

export function parseImport({ format, content }: ImportPreviewRequest): RawImportRow[] {
  const rows = (format === 'csv' ? parseCsv(content) : parseJson(content)).map(linkInName)
  if (rows.length === 0) throw contentError('The file has no rows to import')
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new AppError('PAYLOAD_TOO_LARGE', `An import can hold at most ${MAX_IMPORT_ROWS.toLocaleString('en')} rows; this one has ${rows.length.toLocaleString('en')}`)
  }
  return rows
}
