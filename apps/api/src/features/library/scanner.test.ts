import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestDatabase } from '../../../test/support/database.ts'
import { startSimulator, type Simulator } from '../../../test/support/simulator.ts'
import { createUser, migratedDatabase, newKey } from '../connections/connection-fixtures.ts'
import { createConnectionsService } from '../connections/service.ts'
import { createSpotifyAdapter } from '../connections/spotify-adapter.ts'
import { createTokenRefresher } from '../connections/token-refresher.ts'
import { createTokenVault } from '../connections/token-vault.ts'
import { insertScan } from './repository.ts'
import { libraryScanner } from './scanner.ts'

const ctx = { requestId: 'req-test', ip: '127.0.0.1', userAgent: 'vitest' }
const clock = () => new Date()
let database: TestDatabase
let sim: Simulator
let scan: ReturnType<typeof libraryScanner>
let connectionId: string

beforeAll(async () => {
  ;[database, sim] = await Promise.all([migratedDatabase(), startSimulator()])
  const vault = createTokenVault([newKey('k1')])
  const providers = { spotify: createSpotifyAdapter({ clientId: sim.clientId, accountsUrl: sim.accountsUrl, apiUrl: sim.apiUrl }) }
  const refresher = createTokenRefresher({ db: database.db, vault, providers, clock })
  const connections = createConnectionsService({ db: database.db, vault, providers, clock })
  scan = libraryScanner({ db: database.db, providers, tokenSource: refresher.tokenSource, clock })

  const userId = await createUser(database.db)
  const { authorizeUrl } = await connections.beginConnect(userId, { provider: 'spotify', redirectUri: 'http://127.0.0.1:3999/callback' }, ctx)
  const callback = await sim.approve(authorizeUrl, 'alice')
  const { connection } = await connections.completeConnect(userId, { state: callback.searchParams.get('state')!, code: callback.searchParams.get('code')! }, ctx)
  connectionId = connection.id
}, 60_000)
afterAll(async () => {
  await sim?.stop()
  await database?.drop()
})

/** The snapshot as comparable rows: what, where, and which artists in which role. */
async function snapshotRows(scanId: string) {
  const rows = await database.db.selectFrom('library_items as i')
    .leftJoin('library_item_artists as a', 'a.item_id', 'i.id')
    .leftJoin('artists as ar', 'ar.id', 'a.artist_id')
    .select(['i.kind', 'i.uri', 'i.playlist_id', 'i.position', 'ar.spotify_id', 'a.role'])
    .where('i.scan_id', '=', scanId).execute()
  return rows.map((r) => `${r.kind} ${r.uri} ${r.playlist_id ?? ''}#${r.position ?? ''} ${r.spotify_id ?? ''}:${r.role ?? ''}`).sort()
}

/** Page calls the scan had to make at 50 items a page (an empty listing is still one call). */
async function minimumPageCalls() {
  const library = await sim.library('alice')
  const pages = (n: number) => Math.max(1, Math.ceil(n / 50))
  const readable = library.playlists.filter((p) => p.relation !== 'follower')
  return pages(library.savedTracks.length) + pages(library.savedAlbums.length) + pages(library.followedArtists.length) +
    pages(library.playlists.length) + readable.reduce((sum, p) => sum + pages(p.items.length), 0)
}

async function scanOnce() {
  await sim.clearRequests()
  const row = await insertScan(database.db, connectionId)
  await scan(row.id)
  const reads = (await sim.requests()).filter((r) => r.method === 'GET' && r.path.startsWith('/v1/') && r.path !== '/v1/me')
  return { scanId: row.id, reads }
}

describe('the library scan against the simulator', () => {
  let clean: Awaited<ReturnType<typeof scanOnce>>
  /** Kept now: a later scan's completion drops this one's rows. */
  let cleanRows: string[]

  it('reads the whole library with the minimum number of page calls and stores every item with its artists and roles', async () => {
    clean = await scanOnce()
    cleanRows = await snapshotRows(clean.scanId)
    const scanRow = await database.db.selectFrom('library_scans').selectAll().where('id', '=', clean.scanId).executeTakeFirstOrThrow()
    expect(scanRow).toMatchObject({ status: 'completed', error: null, retries: 0 })
    expect(clean.reads.length).toBe(await minimumPageCalls())
    expect(scanRow.pages_done).toBe(clean.reads.length)

    const library = await sim.library('alice')
    const counts = await database.db.selectFrom('library_items').select(['kind', (eb) => eb.fn.countAll<string>().as('n')])
      .where('scan_id', '=', clean.scanId).groupBy('kind').execute()
    const byKind = Object.fromEntries(counts.map((c) => [c.kind, Number(c.n)]))
    const readable = library.playlists.filter((p) => p.relation !== 'follower')
    expect(byKind).toEqual({
      saved_track: library.savedTracks.length,
      saved_album: library.savedAlbums.length,
      followed_artist: library.followedArtists.length,
      playlist_item: readable.reduce((sum, p) => sum + p.items.length, 0),
    })
    const roles = await database.db.selectFrom('library_item_artists').select('role').distinct().execute()
    expect(roles.map((r) => r.role).sort()).toEqual(['featured', 'primary'])
    const playlists = await database.db.selectFrom('library_playlists').selectAll().where('scan_id', '=', clean.scanId).execute()
    expect(playlists.filter((p) => !p.owned).length).toBe(library.playlists.length - readable.length)
    const connection = await database.db.selectFrom('connections').select(['current_scan_id', 'last_scanned_at']).where('id', '=', connectionId).executeTakeFirstOrThrow()
    expect(connection.current_scan_id).toBe(clean.scanId)
  })

  it('with 429s and 5xx injected, completes with the minimum page calls plus one per retry and the same snapshot', async () => {
    await sim.setFaults({ rateLimit: 25, rateWindowSeconds: 2, serverErrorRate: 0.05 })
    try {
      const faulty = await scanOnce()
      const retried = faulty.reads.filter((r) => r.status === 429 || r.status >= 500)
      expect(retried.some((r) => r.status === 429)).toBe(true)
      expect(faulty.reads.length).toBe((await minimumPageCalls()) + retried.length)
      const scanRow = await database.db.selectFrom('library_scans').selectAll().where('id', '=', faulty.scanId).executeTakeFirstOrThrow()
      expect(scanRow).toMatchObject({ status: 'completed', retries: retried.length })
      expect(await snapshotRows(faulty.scanId)).toEqual(cleanRows)
    } finally {
      await sim.setFaults({ rateLimit: null, serverErrorRate: 0 })
    }
  }, 120_000)

  it('a re-scan replaces the snapshot atomically: the previous scan and its rows are gone', async () => {
    const previous = (await database.db.selectFrom('connections').select('current_scan_id').where('id', '=', connectionId).executeTakeFirstOrThrow()).current_scan_id!
    const next = await scanOnce()
    const scans = await database.db.selectFrom('library_scans').select('id').where('connection_id', '=', connectionId).execute()
    expect(scans.map((s) => s.id)).toEqual([next.scanId])
    expect(await database.db.selectFrom('library_items').select('id').where('scan_id', '=', previous).execute()).toEqual([])
  })
})
