// `npm run bench` (part 5): matching a 10,000-row import file against a catalog of 50,000 artists.
// The set-based matcher (a few statements for the whole file) and the whole preview request, next
// to a per-row baseline (one lookup per row, as a naive matcher would do), in the same run on the same data.
import { performance } from 'node:perf_hooks'
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { migrateToLatest } from '../src/db/migrate.ts'
import { findArtistByProviderId } from '../src/features/artists/repository.ts'
import { searchArtists } from '../src/features/artists/search.ts'
import { parseImport, type RawImportRow } from '../src/features/blocklist/import-parser.ts'
import { previewRows } from '../src/features/blocklist/import-preview.ts'
import { buildApp } from '../src/app.ts'
import { memoryStore } from '../src/store/store.ts'
import { signInWithList } from '../test/support/blocklist.ts'
import { createTestDatabase } from '../test/support/database.ts'
import { testConfig } from '../test/support/test-app.ts'

const CATALOG_SIZE = Number(process.env.BENCH_IMPORT_ARTISTS ?? 50_000)
const FILE_ROWS = 10_000
const BASELINE_ROWS = 500

// A fixed linear congruential sequence: the same catalog and file on every run.
let state = 7
const next = () => (state = (state * 48271) % 2147483647) / 2147483647
const letters = 'abcdefghijklmnopqrstuvwxyz'
const syllable = () => 'bcdfghklmnprstvz'[Math.floor(next() * 16)]! + 'aeiou'[Math.floor(next() * 5)]! + letters[Math.floor(next() * 26)]!
const artistName = () => `${syllable()}${syllable()} ${syllable()}${syllable()}${syllable()}`

const database = await createTestDatabase()
try {
  await migrateToLatest(database.db)
  const names = Array.from({ length: CATALOG_SIZE }, artistName)
  const spotifyIds = names.map((_, i) => `bench${String(i).padStart(17, '0')}`)
  for (let i = 0; i < names.length; i += 10_000) {
    await sql`insert into artists (canonical_name, spotify_id)
      select n, s from unnest(${sql.val(names.slice(i, i + 10_000))}::text[], ${sql.val(spotifyIds.slice(i, i + 10_000))}::text[]) as t(n, s)`.execute(database.db)
  }
  await sql`vacuum analyze artists`.execute(database.db)

  // The file: exact names, links, names with a typo, unknown names, and repeats of earlier rows.
  const lines = Array.from({ length: FILE_ROWS }, (_, i) => {
    const k = Math.floor(next() * CATALOG_SIZE)
    const kind = i % 10
    if (kind < 4) return `${names[k]},,bench,`
    if (kind < 6) return `,https://open.spotify.com/artist/${spotifyIds[k]},,`
    if (kind < 8) return `${names[k]!.slice(0, -1)},,,`
    if (kind < 9) return `${artistName()}x,,,`
    return `${names[i % 97]},,,repeat`
  })
  const raw = parseImport({ format: 'csv', content: ['name,url,tags,note', ...lines].join('\n') })
  const userId = randomUUID()

  await previewRows(database.db, userId, raw.slice(0, 200)) // warm-up
  const t0 = performance.now()
  const rows = await previewRows(database.db, userId, raw)
  const setBased = performance.now() - t0

  // Baseline: one statement (or two) per row, on the first BASELINE_ROWS rows, scaled to the file.
  async function perRow(row: RawImportRow) {
    const id = row.url?.split('/').pop()
    if (id) return findArtistByProviderId(database.db, 'spotify', id)
    return searchArtists(database.db, row.name!, 5, 0)
  }
  const t1 = performance.now()
  for (const row of raw.slice(0, BASELINE_ROWS)) await perRow(row)
  const perRowMs = ((performance.now() - t1) / BASELINE_ROWS) * FILE_ROWS

  // The whole request as a client sees it: parse, match, store the preview, answer (in-process HTTP).
  const app = await buildApp({ db: database.db, store: memoryStore(), config: testConfig })
  const listener = await signInWithList(app)
  const t2 = performance.now()
  const response = await listener.preview('csv', ['name,url,tags,note', ...lines].join('\n'))
  const requestMs = performance.now() - t2
  await app.close()
  if (response.statusCode !== 201) throw new Error(`preview answered ${response.statusCode}: ${response.body.slice(0, 200)}`)

  const counts: Record<string, number> = {}
  for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1
  console.log(`\nImport matching: ${FILE_ROWS.toLocaleString('en')} rows against ${CATALOG_SIZE.toLocaleString('en')} artists (${database.describe})`)
  console.table({
    'set-based (the API)': { 'total s': +(setBased / 1000).toFixed(2), 'rows/s': Math.round(FILE_ROWS / (setBased / 1000)) },
    'whole POST /me/blocklist/imports': { 'total s': +(requestMs / 1000).toFixed(2), 'rows/s': Math.round(FILE_ROWS / (requestMs / 1000)) },
    [`per-row baseline (${BASELINE_ROWS} rows, scaled)`]: { 'total s': +(perRowMs / 1000).toFixed(2), 'rows/s': Math.round(FILE_ROWS / (perRowMs / 1000)) },
  })
  console.log('rows by status:', counts)
  console.log(`target: ${FILE_ROWS.toLocaleString('en')} rows in ≤ 5 s → ${setBased <= 5000 ? 'met' : 'NOT met'}`)
} finally {
  await database.drop()
}
