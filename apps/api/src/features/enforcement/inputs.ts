import type { Db } from '../../db/database.ts'
import { effectiveBlocklist } from '../community/subscriptions/effective-repository.ts'
import { toEffectiveBlocklist } from './planner-options.ts'
import type { EffectiveBlocklist, LibraryItem, LibrarySnapshot } from './planner-types.ts'

/** The whole effective blocklist (personal ∪ subscribed lists at their accepted versions), as the planner takes it. */
export async function loadBlocklist(db: Db, userId: string): Promise<EffectiveBlocklist> {
  const rows = await effectiveBlocklist(db, userId, { limit: 1_000_000, offset: 0 })
  return toEffectiveBlocklist(rows.map((row) => ({ artist: { id: row.id, name: row.canonical_name }, sources: row.sources })))
}

/** A completed scan as the planner's snapshot: items with their catalog artists and roles, and the playlists. */
export async function loadSnapshot(db: Db, scanId: string, scannedAt: Date): Promise<LibrarySnapshot> {
  const [items, credits, playlists] = await Promise.all([
    db.selectFrom('library_items').select(['id', 'kind', 'uri', 'name', 'playlist_id', 'position', 'added_at'])
      .where('scan_id', '=', scanId).orderBy('kind').orderBy('playlist_id').orderBy('position').execute(),
    db.selectFrom('library_item_artists as a').innerJoin('library_items as i', 'i.id', 'a.item_id').innerJoin('artists as ar', 'ar.id', 'a.artist_id')
      .select(['a.item_id', 'a.artist_id', 'a.role', 'ar.canonical_name']).where('i.scan_id', '=', scanId).execute(),
    db.selectFrom('library_playlists').selectAll().where('scan_id', '=', scanId).orderBy('playlist_id').execute(),
  ])
  const byItem = new Map<string, LibraryItem['artists'][number][]>()
  for (const c of credits) {
    const list = byItem.get(c.item_id) ?? []
    list.push({ artistId: c.artist_id, name: c.canonical_name, role: c.role })
    byItem.set(c.item_id, list)
  }
  return {
    provider: 'spotify',
    scannedAt: scannedAt.toISOString(),
    items: items.map((i) => ({
      kind: i.kind,
      uri: i.uri,
      name: i.name,
      ...(i.playlist_id !== null ? { playlistId: i.playlist_id, position: i.position! } : {}),
      ...(i.added_at ? { addedAt: i.added_at.toISOString() } : {}),
      artists: byItem.get(i.id) ?? [],
    })),
    playlists: playlists.map((p) => ({
      id: p.playlist_id, name: p.name, owned: p.owned, collaborative: p.collaborative, snapshotId: p.snapshot_id,
      ...(!p.owned && !p.collaborative ? { followedOnly: true } : {}),
    })),
  }
}
