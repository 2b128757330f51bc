import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { LibraryItemKind, LibraryScanRow, ScanPhase } from './tables.ts'

export interface ScannedItem {
  id: string
  kind: LibraryItemKind
  uri: string
  name: string
  playlistId: string | null
  position: number | null
  addedAt: string | null
  artists: { artistId: string; role: 'primary' | 'featured' }[]
}

export interface ScannedPlaylist {
  playlistId: string
  name: string
  ownerId: string
  owned: boolean
  collaborative: boolean
  snapshotId: string
  itemCount: number
}

const ACTIVE = ['queued', 'running'] as const

/** The listener's own connection (undefined for anyone else's: a 404, never a 403). */
export const ownedConnection = (db: Db, userId: string, connectionId: string) =>
  db.selectFrom('connections').select(['id', 'provider', 'status', 'current_scan_id', 'last_scanned_at'])
    .where('id', '=', connectionId).where('user_id', '=', userId).executeTakeFirst()

/** The newest scan of each of these connections. */
export const latestScans = (db: Db, connectionIds: string[]): Promise<LibraryScanRow[]> =>
  connectionIds.length
    ? db.selectFrom('library_scans').selectAll().distinctOn('connection_id').where('connection_id', 'in', connectionIds)
      .orderBy('connection_id').orderBy('created_at', 'desc').execute()
    : Promise.resolve([])

export const findScan = (db: Db, scanId: string): Promise<LibraryScanRow | undefined> =>
  db.selectFrom('library_scans').selectAll().where('id', '=', scanId).executeTakeFirst()

export const activeScan = (db: Db, connectionId: string): Promise<LibraryScanRow | undefined> =>
  db.selectFrom('library_scans').selectAll().where('connection_id', '=', connectionId).where('status', 'in', ACTIVE).executeTakeFirst()

/** Queues a scan; the partial unique index keeps it to one active scan per connection. */
export const insertScan = (db: Db, connectionId: string): Promise<LibraryScanRow> =>
  db.insertInto('library_scans').values({ connection_id: connectionId }).returningAll().executeTakeFirstOrThrow()

/** Every scan that should be running, with its provider (for re-enqueueing after a restart). */
export const unfinishedScans = (db: Db) =>
  db.selectFrom('library_scans').innerJoin('connections', 'connections.id', 'library_scans.connection_id')
    .select(['library_scans.id', 'connections.provider']).where('library_scans.status', 'in', ACTIVE).execute()

/** (Re)starts a scan from the beginning: whatever an interrupted run wrote under its id goes first. */
export async function restartScan(db: Db, scanId: string, now: Date) {
  await db.deleteFrom('library_items').where('scan_id', '=', scanId).execute()
  await db.deleteFrom('library_playlists').where('scan_id', '=', scanId).execute()
  await db.updateTable('library_scans')
    .set({ status: 'running', phase: 'saved_tracks', pages_done: 0, items_found: 0, error: null, started_at: now })
    .where('id', '=', scanId).execute()
}

export const countRetry = (db: Db, scanId: string) =>
  db.updateTable('library_scans').set((eb) => ({ retries: eb('retries', '+', 1) })).where('id', '=', scanId).execute()

/** One page of items with their artists, and the scan's progress, in one transaction. */
export async function recordPage(db: Db, scanId: string, phase: ScanPhase, items: ScannedItem[], playlists: ScannedPlaylist[] = []) {
  await db.transaction().execute(async (trx) => {
    if (items.length) {
      await trx.insertInto('library_items').values(items.map((i) => ({
        id: i.id, scan_id: scanId, kind: i.kind, uri: i.uri, name: i.name, playlist_id: i.playlistId, position: i.position, added_at: i.addedAt,
      }))).execute()
      const credits = items.flatMap((i) => i.artists.map((a) => ({ item_id: i.id, artist_id: a.artistId, role: a.role })))
      if (credits.length) await trx.insertInto('library_item_artists').values(credits).onConflict((oc) => oc.doNothing()).execute()
    }
    if (playlists.length) {
      await trx.insertInto('library_playlists').values(playlists.map((p) => ({
        scan_id: scanId, playlist_id: p.playlistId, name: p.name, owner_id: p.ownerId, owned: p.owned,
        collaborative: p.collaborative, snapshot_id: p.snapshotId, item_count: p.itemCount,
      }))).onConflict((oc) => oc.doNothing()).execute()
    }
    await trx.updateTable('library_scans')
      .set((eb) => ({ phase, pages_done: eb('pages_done', '+', 1), items_found: eb('items_found', '+', items.length + playlists.length) }))
      .where('id', '=', scanId).execute()
  })
}

/** A playlist whose items the provider refused to show: none of its items are in the snapshot. */
export async function markPlaylistReadOnly(db: Db, scanId: string, playlistId: string) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('library_items').where('scan_id', '=', scanId).where('playlist_id', '=', playlistId).execute()
    await trx.updateTable('library_playlists').set({ owned: false }).where('scan_id', '=', scanId).where('playlist_id', '=', playlistId).execute()
  })
}

/**
 * Catalog ids for provider artist ids, adding the artists the catalog does not know yet (by their
 * Spotify id, so the same artist is never added twice, even by two scans at once). A picture the
 * provider sent is kept: it refreshes the catalog's when it differs, and absence never erases one.
 */
export async function catalogArtistsBySpotifyId(db: Db, artists: { spotifyId: string; name: string; imageUrl?: string | null }[]): Promise<Map<string, string>> {
  const withPictureLast = [...artists].sort((a, b) => Number(Boolean(a.imageUrl)) - Number(Boolean(b.imageUrl)))
  const unique = [...new Map(withPictureLast.map((a) => [a.spotifyId, a])).values()]
  if (!unique.length) return new Map()
  await db.insertInto('artists')
    .values(unique.map((a) => ({ canonical_name: a.name, spotify_id: a.spotifyId, image_url: a.imageUrl ?? null })))
    .onConflict((oc) => oc.column('spotify_id')
      .doUpdateSet({ image_url: sql`excluded.image_url`, updated_at: sql`now()` })
      .where(sql<boolean>`excluded.image_url is not null and excluded.image_url is distinct from artists.image_url`))
    .execute()
  const rows = await db.selectFrom('artists').select(['id', 'spotify_id']).where('spotify_id', 'in', unique.map((a) => a.spotifyId)).execute()
  return new Map(rows.map((r) => [r.spotify_id!, r.id]))
}

/** The scan becomes the connection's snapshot; the previous one goes, in the same transaction. */
export async function completeScan(db: Db, scan: { id: string; connection_id: string }, now: Date) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('library_scans').set({ status: 'completed', phase: null, completed_at: now }).where('id', '=', scan.id).execute()
    await trx.updateTable('connections').set({ current_scan_id: scan.id, last_scanned_at: now }).where('id', '=', scan.connection_id).execute()
    await trx.deleteFrom('library_scans')
      .where('connection_id', '=', scan.connection_id).where('id', '!=', scan.id).where('status', 'in', ['completed', 'failed']).execute()
  })
}

export const failScan = (db: Db, scanId: string, error: string, now: Date) =>
  db.updateTable('library_scans').set({ status: 'failed', error, completed_at: now }).where('id', '=', scanId).where('status', 'in', ACTIVE).execute()

/** Counts per kind in a snapshot, and how many items credit an artist of `blockedArtistIds` (a subquery). */
export async function snapshotCounts(db: Db, scanId: string, blockedArtistIds: RawBuilder<{ artist_id: string }>) {
  const rows = await db.selectFrom('library_items as i')
    .select((eb) => [
      'i.kind',
      eb.fn.countAll<string>().as('total'),
      sql<string>`count(*) filter (where exists (select 1 from library_item_artists a where a.item_id = i.id and a.artist_id in ${blockedArtistIds}))`.as('blocked'),
    ])
    .where('i.scan_id', '=', scanId).groupBy('i.kind').execute()
  const playlists = await db.selectFrom('library_playlists')
    .select((eb) => [eb.fn.countAll<string>().as('total'), sql<string>`count(*) filter (where owned)`.as('owned')])
    .where('scan_id', '=', scanId).executeTakeFirstOrThrow()
  return { byKind: rows.map((r) => ({ kind: r.kind, total: Number(r.total), blocked: Number(r.blocked) })), playlists: { total: Number(playlists.total), owned: Number(playlists.owned) } }
}
