import { sql } from 'kysely'
import type { Db } from '../../../db/database.ts'
import { artistColumns } from '../../artists/mapping.ts'

const total = sql<number>`(count(*) over ())::int`.as('total')

/** The owner's working draft, by artist name. */
export const draftItems = (db: Db, listId: string, limit: number, offset: number) =>
  db
    .selectFrom('community_list_items as i')
    .innerJoin('artists', 'artists.id', 'i.artist_id')
    .select(artistColumns)
    .select(['i.rationale', 'i.evidence_url', 'i.added_at', total])
    .where('i.list_id', '=', listId)
    .orderBy(sql`lower(artists.canonical_name)`)
    .orderBy('artists.id')
    .limit(limit)
    .offset(offset)
    .execute()

/** A published version's snapshot, by artist name. */
export const versionItems = (db: Db, versionId: string, limit: number, offset: number) =>
  db
    .selectFrom('community_list_version_items as i')
    .innerJoin('artists', 'artists.id', 'i.artist_id')
    .select(artistColumns)
    .select(['i.rationale', 'i.evidence_url', 'i.added_at', total])
    .where('i.version_id', '=', versionId)
    .orderBy(sql`lower(artists.canonical_name)`)
    .orderBy('artists.id')
    .limit(limit)
    .offset(offset)
    .execute()

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
export async function insertDraftItem(
  db: Db,
  item: { list_id: string; artist_id: string; rationale: string; evidence_url: string | null; added_at: Date },
): Promise<boolean> {
  const row = await db
    .insertInto('community_list_items')
    .values(item)
    .onConflict((oc) => oc.columns(['list_id', 'artist_id']).doNothing())
    .returning('artist_id')
    .executeTakeFirst()
  return Boolean(row)
}

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
