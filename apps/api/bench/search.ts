// `npm run bench` (part 3): fuzzy artist search on a generated catalog of 100,000 artists,
// p50/p95 with the trigram index next to the same queries without it (same run, same data).
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { migrateToLatest } from '../src/db/migrate.ts'
import { searchArtists } from '../src/features/artists/repository.ts'
import { createTestDatabase } from '../test/support/database.ts'
import { artistName as name, pick, typo } from './support/catalog.ts'

const CATALOG_SIZE = Number(process.env.BENCH_ARTISTS ?? 100_000)
const QUERIES = 300

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

const database = await createTestDatabase()
try {
  await migrateToLatest(database.db)
  const names = Array.from({ length: CATALOG_SIZE }, name)
  const started = performance.now()
  for (let i = 0; i < names.length; i += 10_000) {
    const chunk = names.slice(i, i + 10_000)
    await sql`insert into artists (canonical_name, aliases) select n, array[lower(n)] from unnest(${sql.val(chunk)}::text[]) as n`.execute(database.db)
  }
  // VACUUM also flushes the GIN index's pending list, as autovacuum does on a live catalog.
  await sql`vacuum analyze artists`.execute(database.db)
  console.log(`${database.describe}: ${CATALOG_SIZE.toLocaleString('en')} artists generated in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  const queries = Array.from({ length: QUERIES }, () => typo(pick(names)))

  async function measure(label: string, count: number) {
    const times: number[] = []
    let found = 0
    for (const q of queries.slice(0, count)) {
      const t0 = performance.now()
      const rows = await searchArtists(database.db, q, 20, 0)
      times.push(performance.now() - t0)
      if (rows.length > 0) found++
    }
    times.sort((a, b) => a - b)
    return { label, queries: count, 'p50 ms': +percentile(times, 50).toFixed(2), 'p95 ms': +percentile(times, 95).toFixed(2), 'with results': `${Math.round((found / count) * 100)}%` }
  }

  await measure('warm-up', 20)
  const indexed = await measure('with trigram index', QUERIES)
  await sql`drop index artists_search_text_trgm_idx`.execute(database.db)
  // A sequential scan is slow; fewer queries keep the run short and still give a stable p95.
  const scanned = await measure('without index (seq scan)', 60)
  console.log('\nFuzzy artist search (word similarity on name + aliases, 20 results)')
  console.table(Object.fromEntries([indexed, scanned].map(({ label, ...figures }) => [label, figures])))
  console.log(`target: p95 ≤ 10 ms with the index → ${indexed['p95 ms'] <= 10 ? 'met' : 'NOT met'}`)
} finally {
  await database.drop()
}
