import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestDatabase } from '../../../test/support/database.ts'
import { startSimulator, type Simulator } from '../../../test/support/simulator.ts'
import { connectSimulatedAccount } from '../../../test/support/connected-library.ts'
import { migratedDatabase } from '../connections/connection-fixtures.ts'

let database: TestDatabase
let sim: Simulator
let alice: Awaited<ReturnType<typeof connectSimulatedAccount>>
let connectionId: string

beforeAll(async () => {
  ;[database, sim] = await Promise.all([migratedDatabase(), startSimulator()])
  alice = await connectSimulatedAccount(database.db, sim, 'alice')
  connectionId = alice.connectionId
}, 60_000)
afterAll(async () => {
  await sim?.stop()
  await database?.drop()
})

describe('the library scan against the simulator', () => {
  let clean: Awaited<ReturnType<typeof alice.scanOnce>>
  /** Kept now: a later scan's completion drops this one's rows. */
  let cleanRows: string[]

  it('reads the whole library with the minimum number of page calls and stores every item with its artists and roles', async () => {
    clean = await alice.scanOnce()
    cleanRows = await alice.snapshotRows(clean.scanId)
    const scanRow = await database.db.selectFrom('library_scans').selectAll().where('id', '=', clean.scanId).executeTakeFirstOrThrow()
    expect(scanRow).toMatchObject({ status: 'completed', error: null, retries: 0 })
    expect(clean.reads.length).toBe(await alice.minimumPageCalls())
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
      const faulty = await alice.scanOnce()
      const retried = faulty.reads.filter((r) => r.status === 429 || r.status >= 500)
      expect(retried.some((r) => r.status === 429)).toBe(true)
      expect(faulty.reads.length).toBe((await alice.minimumPageCalls()) + retried.length)
      const scanRow = await database.db.selectFrom('library_scans').selectAll().where('id', '=', faulty.scanId).executeTakeFirstOrThrow()
      expect(scanRow).toMatchObject({ status: 'completed', retries: retried.length })
      expect(await alice.snapshotRows(faulty.scanId)).toEqual(cleanRows)
    } finally {
      await sim.setFaults({ rateLimit: null, serverErrorRate: 0 })
    }
  }, 120_000)

  it('a re-scan replaces the snapshot atomically: the previous scan and its rows are gone', async () => {
    const previous = (await database.db.selectFrom('connections').select('current_scan_id').where('id', '=', connectionId).executeTakeFirstOrThrow()).current_scan_id!
    const next = await alice.scanOnce()
    const scans = await database.db.selectFrom('library_scans').select('id').where('connection_id', '=', connectionId).execute()
    expect(scans.map((s) => s.id)).toEqual([next.scanId])
    expect(await database.db.selectFrom('library_items').select('id').where('scan_id', '=', previous).execute()).toEqual([])
  })

  it('keeps followed artists\' pictures in the catalog; re-scans, whose track credits carry none, never erase them', async () => {
    const { current_scan_id: scanId } = await database.db.selectFrom('connections').select('current_scan_id').where('id', '=', connectionId).executeTakeFirstOrThrow()
    const followed = await database.db.selectFrom('library_items as i').innerJoin('library_item_artists as a', 'a.item_id', 'i.id')
      .innerJoin('artists as ar', 'ar.id', 'a.artist_id').select(['ar.id', 'ar.image_url'])
      .where('i.scan_id', '=', scanId!).where('i.kind', '=', 'followed_artist').execute()
    const pictured = followed.filter((a) => a.image_url !== null)
    // The simulator gives two artists in three a picture, as Spotify gives most.
    expect(pictured.length).toBeGreaterThan(followed.length / 2)
    expect(pictured.length).toBeLessThan(followed.length)
    for (const artist of pictured) expect(artist.image_url).toMatch(/^data:image\/svg\+xml,/)
  })
})
