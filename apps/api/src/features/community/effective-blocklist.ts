import type { EffectiveBlocklistPage, EffectiveBlocklistQuery } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { toArtist } from '../artists/mapping.ts'
import { effectiveBlocklist } from './effective-repository.ts'
import { loadPage } from './mapping.ts'

/**
 * The caller's effective blocklist: personal entries ∪ every subscribed list at its pinned or
 * accepted version, one entry per artist with where it comes from. What enforcement consumes.
 */
export async function getEffectiveBlocklist(db: Db, userId: string, query: EffectiveBlocklistQuery): Promise<EffectiveBlocklistPage> {
  const limit = query.limit ?? 25
  const offset = query.offset ?? 0
  const fetch = (limit: number, offset: number) => effectiveBlocklist(db, userId, { q: query.q, limit, offset })
  return loadPage(fetch, (row) => ({ artist: toArtist(row), sources: row.sources }), limit, offset)
}
