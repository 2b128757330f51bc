import { sql, type Insertable, type Updateable } from 'kysely'
import type { Db } from '../../../db/database.ts'
import { totalColumn } from '../../../db/paging.ts'
import { containsPattern } from '../../../db/like.ts'
import type { ListSummaryRow } from '../mapping.ts'
import type { CommunityListsTable } from '../tables.ts'

export const findList = (db: Db, id: string) => db.selectFrom('community_lists').selectAll().where('id', '=', id).executeTakeFirst()

/**
 * Locks the list row. Every change to a list's draft or versions takes this lock first, so a
 * publish snapshots a draft nobody is changing and concurrent publishes number versions in turn.
 */
export const findListForUpdate = (db: Db, id: string) =>
  db.selectFrom('community_lists').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()

export const insertList = (db: Db, values: Insertable<CommunityListsTable>) =>
  db.insertInto('community_lists').values(values).returningAll().executeTakeFirstOrThrow()

export const updateList = (db: Db, id: string, changes: Updateable<CommunityListsTable>) =>
  db.updateTable('community_lists').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow()

/**
 * True when the list's draft differs from one of its published versions (items added, removed,
 * or their rationale/evidence changed). Against no version, any draft item is a difference.
 * Takes SQL references so it works both correlated (in a list query) and with values.
 */
export const draftDiffers = (listId: ReturnType<typeof sql.ref> | string, versionId: ReturnType<typeof sql.ref> | string | null) => sql<boolean>`(
  exists (
    select 1 from community_list_items d
    where d.list_id = ${listId} and not exists (
      select 1 from community_list_version_items p
      where p.version_id = ${versionId} and p.artist_id = d.artist_id
        and p.rationale = d.rationale and p.evidence_url is not distinct from d.evidence_url))
  or exists (
    select 1 from community_list_version_items p
    where p.version_id = ${versionId} and not exists (
      select 1 from community_list_items d where d.list_id = ${listId} and d.artist_id = p.artist_id)))`

/**
 * Lists as `viewerId` sees them: the current version's item count, subscriber count, the
 * viewer's own subscription and, for the owner only, the draft's state. One query, any page size.
 */
export function listSummaries(db: Db, viewerId: string) {
  return db
    .selectFrom('community_lists as l')
    .leftJoin('community_list_versions as cv', (join) => join.onRef('cv.list_id', '=', 'l.id').onRef('cv.version', '=', 'l.current_version'))
    .leftJoin('community_list_subscriptions as s', (join) => join.onRef('s.list_id', '=', 'l.id').on('s.user_id', '=', viewerId))
    .leftJoin('users as owner', 'owner.id', 'l.owner_id')
    .select([
      'owner.display_name as owner_display_name',
      'l.id', 'l.owner_id', 'l.name', 'l.description', 'l.criteria', 'l.update_cadence', 'l.visibility', 'l.current_version',
      'l.created_at', 'l.updated_at', 'cv.item_count', 's.pinned_version', 's.accepted_version',
      's.created_at as subscribed_at', 's.updated_at as subscription_updated_at',
    ])
    .select([
      sql<number>`(select count(*)::int from community_list_subscriptions c where c.list_id = l.id)`.as('subscriber_count'),
      sql<number | null>`case when l.owner_id = ${viewerId} then (select count(*)::int from community_list_items d where d.list_id = l.id) end`.as('draft_item_count'),
      sql<boolean | null>`case when l.owner_id = ${viewerId} then ${draftDiffers(sql.ref('l.id'), sql.ref('cv.id'))} end`.as('draft_changed'),
    ])
}

export const findListSummary = (db: Db, viewerId: string, id: string): Promise<ListSummaryRow | undefined> =>
  listSummaries(db, viewerId).where('l.id', '=', id).executeTakeFirst()

export interface BrowseOptions {
  q?: string | undefined
  mine?: boolean | undefined
  limit: number
  offset: number
}

/**
 * Browse and search: published public lists plus the viewer's own of any visibility. With a
 * query: lists whose name matches (trigram word similarity, typo-tolerant) come first, then those
 * whose description or criteria contain the words; without, the most subscribed first.
 */
export async function browseLists(db: Db, viewerId: string, options: BrowseOptions) {
  const text = options.q?.trim().toLowerCase() ?? ''
  return db.transaction().execute(async (trx) => {
    // Lower than pg_trgm's 0.6 default, so a typo or a single word still finds a longer name.
    if (text) await sql`select set_config('pg_trgm.word_similarity_threshold', '0.4', true)`.execute(trx)
    let query = listSummaries(trx, viewerId)
      .select(totalColumn())
      .where((eb) =>
        options.mine
          ? eb('l.owner_id', '=', viewerId)
          : eb.or([eb.and([eb('l.visibility', '=', 'public'), eb('l.current_version', 'is not', null)]), eb('l.owner_id', '=', viewerId)]),
      )
    if (text) {
      const contains = containsPattern(text)
      const nameMatches = sql<boolean>`(lower(l.name) like ${contains} or ${text} <% lower(l.name))`
      query = query
        .where(sql<boolean>`(${nameMatches} or lower(l.description) like ${contains} or lower(l.criteria) like ${contains})`)
        .orderBy(nameMatches, 'desc')
        .orderBy(sql`word_similarity(${text}, lower(l.name))`, 'desc')
        .orderBy(sql`similarity(lower(l.name), ${text})`, 'desc')
    } else {
      query = query.orderBy('subscriber_count', 'desc')
    }
    return query.orderBy(sql`lower(l.name)`).orderBy('l.id').limit(options.limit).offset(options.offset).execute()
  })
}
