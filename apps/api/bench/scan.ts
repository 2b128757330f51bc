// `npm run bench` (part 5): a library scan of the simulator's `bench` user (10,000 liked tracks, albums,
// followed artists, playlists) through the real connect flow and Spotify adapter: once clean (the
// baseline), once with 429s (a rolling-window rate limit) and 5xx injected. Prints page calls against
// the minimum, retries, time, and whether both runs stored the same snapshot.
import { performance } from 'node:perf_hooks'
import { migrateToLatest } from '../src/db/migrate.ts'
import { connectSimulatedAccount } from '../test/support/connected-library.ts'
import { createTestDatabase } from '../test/support/database.ts'
import { startSimulator } from '../test/support/simulator.ts'

const TRACKS = Number(process.env.BENCH_SCAN_TRACKS ?? 10_000)
const FAULTS = { rateLimit: 40, rateWindowSeconds: 2, serverErrorRate: 0.02 }

const [database, sim] = await Promise.all([createTestDatabase(), startSimulator({ SIM_BENCH_TRACKS: String(TRACKS) })])
try {
  await migrateToLatest(database.db)
  const listener = await connectSimulatedAccount(database.db, sim, 'bench')
  const minimum = await listener.minimumPageCalls()

  async function measure(label: string) {
    const started = performance.now()
    const { scanId, reads } = await listener.scanOnce()
    const seconds = (performance.now() - started) / 1000
    const rows = await listener.snapshotRows(scanId)
    const count = (test: (status: number) => boolean) => reads.filter((r) => test(r.status)).length
    return {
      rows,
      figures: {
        label, 'page calls': reads.length, minimum, '429s': count((s) => s === 429), '5xx': count((s) => s >= 500),
        'calls − minimum − retries': reads.length - minimum - count((s) => s === 429 || s >= 500), seconds: +seconds.toFixed(1),
      },
    }
  }

  const clean = await measure('no faults (baseline)')
  await sim.setFaults(FAULTS)
  const faulty = await measure(`≤${FAULTS.rateLimit} calls/${FAULTS.rateWindowSeconds} s, ${FAULTS.serverErrorRate * 100}% 5xx`)
  console.log(`\nLibrary scan of ${TRACKS.toLocaleString('en')} liked tracks + albums, artists, playlists (${database.describe})`)
  console.table(Object.fromEntries([clean, faulty].map(({ figures: { label, ...rest } }) => [label, rest])))
  const same = JSON.stringify(clean.rows) === JSON.stringify(faulty.rows)
  console.log(`snapshot rows: ${clean.rows.length.toLocaleString('en')}; same snapshot with faults: ${same ? 'yes' : 'NO'}`)
  console.log(`target: calls = minimum + retries in both runs → ${clean.figures['calls − minimum − retries'] === 0 && faulty.figures['calls − minimum − retries'] === 0 ? 'met' : 'NOT met'}`)
  if (!same) process.exitCode = 1
} finally {
  await sim.stop()
  await database.drop()
}
