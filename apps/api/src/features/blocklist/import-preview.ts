import { MAX_NOTE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS, normalizeTags, parseProviderUrl, type ImportCandidate, type ImportRow } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { toArtist } from '../artists/mapping.ts'
import { combineDuplicates } from './import-duplicates.ts'
import { matchImport, refKey, type ImportMatches, type MatchedArtist } from './import-matching.ts'
import type { RawImportRow } from './import-parser.ts'
import { normalizeNote } from './mapping.ts'

function problem(row: RawImportRow, tags: string[]): string | null {
  if (!row.name && !row.url) return 'Needs an artist name or a link'
  if (row.url && !parseProviderUrl(row.url)) return 'The link is not an artist page on a supported service'
  if (tags.length > MAX_TAGS) return `At most ${MAX_TAGS} tags`
  if (tags.some((t) => t.length > MAX_TAG_LENGTH)) return `Tags can be at most ${MAX_TAG_LENGTH} characters`
  if ((row.note?.length ?? 0) > MAX_NOTE_LENGTH) return `The note can be at most ${MAX_NOTE_LENGTH} characters`
  return null
}

const candidate = (artist: MatchedArtist): ImportCandidate => ({ ...toArtist(artist), onList: artist.listed })

type Input = ImportRow['input']
type Classified = Omit<ImportRow, 'index' | 'input' | 'duplicateOf' | 'combinedRows'>

/** What one valid row matched: by its link, by its exact name, or fuzzy candidates for the user to choose from. */
function classify(input: Input, matches: ImportMatches): Classified {
  const base = { artist: null, candidates: [], message: null }
  let found: MatchedArtist[]
  if (input.url) {
    const artist = matches.byRef.get(refKey(parseProviderUrl(input.url)!))
    if (!artist) return { ...base, status: 'not_found', message: 'This artist is not in the catalog yet' }
    found = [artist]
  } else {
    const key = input.name!.toLowerCase()
    found = matches.exact.get(key) ?? []
    if (found.length === 0) {
      const fuzzy = matches.fuzzy.get(key) ?? []
      return fuzzy.length
        ? { ...base, status: 'ambiguous', candidates: fuzzy.map(candidate), message: 'No exact match; choose the right artist' }
        : { ...base, status: 'not_found', message: 'No artist with this name in the catalog' }
    }
  }
  if (found.length > 1) return { ...base, status: 'ambiguous', candidates: found.map(candidate), message: 'Several artists have this name; choose one' }
  const artist = toArtist(found[0]!)
  return found[0]!.listed
    ? { ...base, status: 'already_listed', artist, message: 'Already on your list' }
    : { ...base, status: 'will_add', artist }
}

/**
 * Classifies every row: will_add / already_listed / not_found / ambiguous (with candidates) /
 * duplicate (combined into an earlier row for the same artist) / invalid. The whole file is
 * matched in a few set-based statements, however many rows it has.
 */
export async function previewRows(db: Db, userId: string, raw: RawImportRow[]): Promise<ImportRow[]> {
  const rows = raw.map((r) => {
    const tags = normalizeTags(r.tags)
    return { index: r.index, input: { name: r.name, url: r.url, tags, note: normalizeNote(r.note) }, problem: problem(r, tags) }
  })
  const valid = rows.filter((r) => !r.problem)
  const refs = valid.flatMap((r) => (r.input.url ? [parseProviderUrl(r.input.url)!] : []))
  const names = valid.flatMap((r) => (r.input.url ? [] : [r.input.name!]))
  const matches = await matchImport(db, userId, refs, names)

  const classified = rows.map(({ index, input, problem: invalid }): ImportRow => {
    const row = { index, input, duplicateOf: null, combinedRows: [] }
    if (invalid) return { ...row, status: 'invalid', artist: null, candidates: [], message: invalid }
    return { ...row, ...classify(input, matches) }
  })
  return combineDuplicates(classified)
}
