import { MAX_NOTE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS, normalizeTags, parseProviderUrl, type ImportRow } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { toArtist, type ArtistColumns } from '../artists/mapping.ts'
import { artistsByExactName, artistsByUrl, fuzzyCandidates } from '../artists/repository.ts'
import type { RawImportRow } from './import-parser.ts'
import { normalizeNote } from './mapping.ts'
import { listedArtistIds } from './repository.ts'

function problem(row: RawImportRow, tags: string[]): string | null {
  if (!row.name && !row.url) return 'Needs an artist name or a link'
  if (row.url && !parseProviderUrl(row.url)) return 'The link is not an artist page on a supported service'
  if (tags.length > MAX_TAGS) return `At most ${MAX_TAGS} tags`
  if (tags.some((t) => t.length > MAX_TAG_LENGTH)) return `Tags can be at most ${MAX_TAG_LENGTH} characters`
  if ((row.note?.length ?? 0) > MAX_NOTE_LENGTH) return `The note can be at most ${MAX_NOTE_LENGTH} characters`
  return null
}

/** Classifies every row: will_add / already_listed / not_found / ambiguous (with candidates) / invalid. */
export async function previewRows(db: Db, userId: string, raw: RawImportRow[]): Promise<ImportRow[]> {
  const rows = raw.map((r) => {
    const tags = normalizeTags(r.tags)
    return { raw: r, input: { name: r.name, url: r.url, tags, note: normalizeNote(r.note) }, problem: problem(r, tags) }
  })
  const valid = rows.filter((r) => !r.problem)
  const byUrl = await artistsByUrl(db, valid.flatMap((r) => (r.input.url ? [r.input.url] : [])))
  const names = valid.filter((r) => !r.input.url).map((r) => r.input.name!)
  const exact = await artistsByExactName(db, names)
  const fuzzy = await fuzzyCandidates(db, names.filter((n) => !exact.has(n.toLowerCase())))

  const matchFor = (input: { name: string | null; url: string | null }): ArtistColumns[] | 'fuzzy' => {
    if (input.url) {
      const ref = parseProviderUrl(input.url)!
      const artist = byUrl.get(`${ref.provider}:${ref.id}`)
      return artist ? [artist] : []
    }
    return exact.get(input.name!.toLowerCase()) ?? 'fuzzy'
  }

  const resolved = rows.map((r) => ({ ...r, match: r.problem ? [] : matchFor(r.input) }))
  const single = resolved.flatMap((r) => (Array.isArray(r.match) && r.match.length === 1 ? [r.match[0]!.id] : []))
  const listed = await listedArtistIds(db, userId, [...new Set(single)])
  const firstRowFor = new Map<string, number>()

  return resolved.map(({ raw: r, input, problem: invalid, match }): ImportRow => {
    const base = { index: r.index, input, artist: null, candidates: [], message: null }
    if (invalid) return { ...base, status: 'invalid', message: invalid }
    if (match === 'fuzzy') {
      const candidates = (fuzzy.get(input.name!.toLowerCase()) ?? []).map(toArtist)
      return candidates.length
        ? { ...base, status: 'ambiguous', candidates, message: 'No exact match; choose the right artist' }
        : { ...base, status: 'not_found', message: 'No artist with this name in the catalog' }
    }
    if (match.length === 0) return { ...base, status: 'not_found', message: 'This artist is not in the catalog yet' }
    if (match.length > 1) return { ...base, status: 'ambiguous', candidates: match.map(toArtist), message: 'Several artists have this name; choose one' }
    const artist = toArtist(match[0]!)
    if (listed.has(artist.id)) return { ...base, status: 'already_listed', artist, message: 'Already on your list' }
    const earlier = firstRowFor.get(artist.id)
    if (earlier) return { ...base, status: 'already_listed', artist, message: `Same artist as row ${earlier}` }
    firstRowFor.set(artist.id, r.index)
    return { ...base, status: 'will_add', artist }
  })
}
