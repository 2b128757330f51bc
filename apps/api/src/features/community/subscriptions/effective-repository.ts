import { sql } from 'kysely'
import type { EffectiveSource } from '@ndith/contracts'
import type { Db } from '../../../db/database.ts'
import { totalColumn } from '../../../db/paging.ts'
import { containsPattern } from '../../../db/like.ts'
import { artistColumns, type ArtistColumns } from '../../artists/mapping.ts'

/**
 * Every (artist, source) pair in a user's effective blocklist: their personal list, and each
 * subscribed list at its pinned or accepted version (never a newer, unaccepted one).
 */
const effectiveEntries = (userId: string) => sql<{ artist_id: string; source: EffectiveSource; rank: string }>`
  select b.artist_id, jsonb_build_object('type', 'personal') as source, '' as rank
  from user_artist_blocks b where b.user_id = ${userId}
  union all
  select vi.artist_id,
    jsonb_build_object('type', 'list', 'listId', l.id, 'listName', l.name, 'version', v.version) as source,
    lower(l.name) || l.id::text as rank
  from community_list_subscriptions s
  join community_lists l on l.id = s.list_id
  join community_list_versions v on v.list_id = s.list_id and v.version = coalesce(s.pinned_version, s.accepted_version)
  join community_list_version_items vi on vi.version_id = v.id
  where s.user_id = ${userId}`

export type EffectiveRow = ArtistColumns & { sources: EffectiveSource[]; total: number }

/** One row per artist with all its sources (personal first, then lists by name); set-based. */
export async function effectiveBlocklist(
  db: Db,
  userId: string,
  /** Without a limit, every row (an export). */
  options: { q?: string | undefined; source?: string | undefined; limit?: number; offset?: number },
): Promise<EffectiveRow[]> {
  const text = options.q?.trim().toLowerCase()
  let query = db
    .selectFrom(
      sql<{ artist_id: string; sources: EffectiveSource[] }>`(
        select e.artist_id, jsonb_agg(e.source order by e.rank) as sources
        from (${effectiveEntries(userId)}) e group by e.artist_id
      )`.as('g'),
    )
    .innerJoin('artists', 'artists.id', 'g.artist_id')
    .select(artistColumns)
    .select(['g.sources', totalColumn()])
  if (text) query = query.where('artists.search_text', 'like', containsPattern(text))
  if (options.source) {
    // jsonb containment: the artist's sources include one of this type (and list).
    const wanted = options.source === 'personal' ? { type: 'personal' } : { type: 'list', listId: options.source }
    query = query.where(sql<boolean>`g.sources @> ${JSON.stringify([wanted])}::jsonb`)
  }
  query = query.orderBy(sql`lower(artists.canonical_name)`).orderBy('artists.id')
  if (options.limit !== undefined) query = query.limit(options.limit).offset(options.offset ?? 0)
  return query.execute()
}

/** Each source's artist count (personal first, then lists by name) and the whole list's, in one statement. */
export async function effectiveCounts(db: Db, userId: string) {
  const { rows } = await sql<{ source: EffectiveSource | null; count: number }>`
    select e.source, count(distinct e.artist_id)::int as count
    from (${effectiveEntries(userId)}) e
    group by grouping sets ((e.source, e.rank), ())
    order by (e.source is null), e.rank`.execute(db)
  const all = rows.find((row) => row.source === null)?.count ?? 0
  return { allTotal: all, bySource: rows.filter((row) => row.source !== null).map((row) => ({ source: row.source!, count: row.count })) }
}

/** The artist ids on a user's effective blocklist, as a subquery. */
export const effectiveArtistIds = (userId: string) => sql<{ artist_id: string }>`(select e.artist_id from (${effectiveEntries(userId)}) e)`
const coveredBy = effectiveArtistIds

/** How many of a version's items the user's effective blocklist already has, and how many it lacks. */
export async function previewCounts(db: Db, userId: string, versionId: string) {
  const { rows } = await sql<{ covered: number; added: number }>`
    select count(*) filter (where vi.artist_id in ${coveredBy(userId)})::int as covered,
           count(*) filter (where vi.artist_id not in ${coveredBy(userId)})::int as added
    from community_list_version_items vi where vi.version_id = ${versionId}`.execute(db)
  return rows[0] ?? { covered: 0, added: 0 }
}

/** The version's items the user's effective blocklist does not have yet, by artist name. */
export const previewAdditions = (db: Db, userId: string, versionId: string, limit: number, offset: number) =>
  db
    .selectFrom('community_list_version_items as i')
    .innerJoin('artists', 'artists.id', 'i.artist_id')
    .select(artistColumns)
    .select(['i.rationale', 'i.evidence_url', 'i.added_at'])
    .where('i.version_id', '=', versionId)
    .where(sql<boolean>`i.artist_id not in ${coveredBy(userId)}`)
    .orderBy(sql`lower(artists.canonical_name)`)
    .orderBy('artists.id')
    .limit(limit)
    .offset(offset)
    .execute()
