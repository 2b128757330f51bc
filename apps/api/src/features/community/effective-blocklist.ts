import type { EffectiveBlocklistPage, EffectiveBlocklistQuery } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { toArtist } from '../artists/mapping.ts'
import { effectiveBlocklist } from './effective-repository.ts'
import { page } from './mapping.ts'

/**
 * The caller's effective blocklist: personal entries ∪ every subscribed list at its pinned or
 * accepted version, one entry per artist with where it comes from. What enforcement consumes.
 */
export async function getEffectiveBlocklist(db: Db, userId: string, query: EffectiveBlocklistQuery): Promise<EffectiveBlocklistPage> {
  const limit = query.limit ?? 25
  const offset = query.offset ?? 0
  const rows = await effectiveBlocklist(db, userId, { q: query.q, limit, offset })
  return page(rows.map((row) => ({ artist: toArtist(row), sources: row.sources })), rows[0]?.total ?? 0, limit, offset)
}
