import { sql } from 'kysely'
import type { Db } from '../../../db/database.ts'
import { wasInserted } from '../../../db/inserts.ts'
import { pageRows } from '../../../db/paging.ts'
import { artistColumns } from '../../artists/mapping.ts'

/**
 * One page of a list's items, by artist name: the owner's working draft (by list id) or a
 * published version's snapshot (by version id). Both tables hold the same item columns.
 */
function itemsPage(db: Db, source: { draftOf: string } | { version: string }, limit: number, offset: number) {
  const [table, owner, id] =
    'draftOf' in source ? (['community_list_items', 'i.list_id', source.draftOf] as const) : (['community_list_version_items', 'i.version_id', source.version] as const)
  const items = db
    .selectFrom(`${table} as i` as 'community_list_items as i')
    .innerJoin('artists', 'artists.id', 'i.artist_id')
    .select(artistColumns)
    .select(['i.rationale', 'i.evidence_url', 'i.added_at'])
    .where(sql.ref(owner), '=', id)
  return pageRows(items.orderBy(sql`lower(artists.canonical_name)`).orderBy('artists.id'), limit, offset)
}

/** The owner's working draft, by artist name. */
export const draftItems = (db: Db, listId: string, limit: number, offset: number) => itemsPage(db, { draftOf: listId }, limit, offset)

/** A published version's snapshot, by artist name. */
export const versionItems = (db: Db, versionId: string, limit: number, offset: number) => itemsPage(db, { version: versionId }, limit, offset)

export const findDraftItem = (db: Db, listId: string, artistId: string) =>
  db
    .selectFrom('community_list_items as i')
    .innerJoin('artists', 'artists.id', 'i.artist_id')
    .select(artistColumns)
    .select(['i.rationale', 'i.evidence_url', 'i.added_at'])
    .where('i.list_id', '=', listId)
    .where('i.artist_id', '=', artistId)
    .executeTakeFirst()

/** Inserts unless the artist is already on the draft; true when a row was added. */
export const insertDraftItem = (db: Db, item: { list_id: string; artist_id: string; rationale: string; evidence_url: string | null; added_at: Date }) =>
  wasInserted(db.insertInto('community_list_items').values(item).onConflict((oc) => oc.columns(['list_id', 'artist_id']).doNothing()).returning('artist_id'))

export const updateDraftItem = (db: Db, listId: string, artistId: string, changes: { rationale?: string; evidence_url?: string | null }) =>
  db.updateTable('community_list_items').set(changes).where('list_id', '=', listId).where('artist_id', '=', artistId).execute()

export const deleteDraftItem = (db: Db, listId: string, artistId: string) =>
  db.deleteFrom('community_list_items').where('list_id', '=', listId).where('artist_id', '=', artistId).execute()

/** Whether the artist is in the list's current published version (or, with the draft, there). */
export async function itemIsListed(db: Db, listId: string, artistId: string, includeDraft: boolean): Promise<boolean> {
  const published = sql<boolean>`exists (
    select 1 from community_lists l
    join community_list_versions v on v.list_id = l.id and v.version = l.current_version
    join community_list_version_items vi on vi.version_id = v.id
    where l.id = ${listId} and vi.artist_id = ${artistId})`
  const draft = sql<boolean>`exists (select 1 from community_list_items where list_id = ${listId} and artist_id = ${artistId})`
  const { rows } = await sql<{ listed: boolean }>`select (${published}${includeDraft ? sql` or ${draft}` : sql``}) as listed`.execute(db)
  return Boolean(rows[0]?.listed)
}
