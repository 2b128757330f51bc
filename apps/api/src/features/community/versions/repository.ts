import { sql } from 'kysely'
import type { Db } from '../../../db/database.ts'
import { pageRows } from '../../../db/paging.ts'
import { artistColumns, type ArtistColumns } from '../../artists/mapping.ts'
import { draftDiffers } from '../lists/repository.ts'

const versionColumns = ['id', 'list_id', 'version', 'changelog', 'item_count', 'published_at'] as const

export const findVersion = (db: Db, listId: string, version: number) =>
  db.selectFrom('community_list_versions').select(versionColumns).where('list_id', '=', listId).where('version', '=', version).executeTakeFirst()

/** Newest first. */
export const listVersions = (db: Db, listId: string, limit: number, offset: number) =>
  pageRows(db.selectFrom('community_list_versions').select(versionColumns).where('list_id', '=', listId).orderBy('version', 'desc'), limit, offset)

export async function draftDiffersFromVersion(db: Db, listId: string, version: number | null): Promise<boolean> {
  const versionId = version === null ? null : ((await findVersion(db, listId, version))?.id ?? null)
  const { rows } = await sql<{ differs: boolean }>`select ${draftDiffers(listId, versionId)} as differs`.execute(db)
  return Boolean(rows[0]?.differs)
}

export const countDraftItems = async (db: Db, listId: string) =>
  Number(
    (await db.selectFrom('community_list_items').select(sql<number>`count(*)::int`.as('n')).where('list_id', '=', listId).executeTakeFirstOrThrow()).n,
  )

/** Inserts the version row and copies the draft into its immutable snapshot. Call under the list lock. */
export async function insertVersionFromDraft(
  db: Db,
  values: { list_id: string; version: number; changelog: string | null; item_count: number; published_by: string; published_at: Date },
) {
  const row = await db.insertInto('community_list_versions').values(values).returning(versionColumns).executeTakeFirstOrThrow()
  await db
    .insertInto('community_list_version_items')
    .columns(['version_id', 'artist_id', 'rationale', 'evidence_url', 'added_at'])
    .expression((eb) =>
      eb
        .selectFrom('community_list_items')
        .select([sql.val(row.id).as('version_id'), 'artist_id', 'rationale', 'evidence_url', 'added_at'])
        .where('list_id', '=', values.list_id),
    )
    .execute()
  return row
}

export type DiffRow = ArtistColumns & {
  kind: 'added' | 'removed' | 'changed'
  added_at: Date
  old_rationale: string | null
  old_evidence_url: string | null
  new_rationale: string | null
  new_evidence_url: string | null
}

/** Items added, removed or changed between two snapshots (`fromVersionId` null: everything is added). */
export async function diffVersions(db: Db, versionId: string, fromVersionId: string | null): Promise<DiffRow[]> {
  return db
    .selectFrom(
      sql<Omit<DiffRow, keyof ArtistColumns> & { artist_id: string }>`(
        select coalesce(n.artist_id, o.artist_id) as artist_id,
          case when o.artist_id is null then 'added' when n.artist_id is null then 'removed' else 'changed' end as kind,
          coalesce(n.added_at, o.added_at) as added_at,
          o.rationale as old_rationale, o.evidence_url as old_evidence_url,
          n.rationale as new_rationale, n.evidence_url as new_evidence_url
        from (select artist_id, rationale, evidence_url, added_at from community_list_version_items where version_id = ${versionId}) n
        full join (select artist_id, rationale, evidence_url, added_at from community_list_version_items where version_id = ${fromVersionId}) o
          on o.artist_id = n.artist_id
        where o.artist_id is null or n.artist_id is null
          or o.rationale <> n.rationale or o.evidence_url is distinct from n.evidence_url
      )`.as('d'),
    )
    .innerJoin('artists', 'artists.id', 'd.artist_id')
    .select(artistColumns)
    .select(['d.kind', 'd.added_at', 'd.old_rationale', 'd.old_evidence_url', 'd.new_rationale', 'd.new_evidence_url'])
    .orderBy(sql`lower(artists.canonical_name)`)
    .orderBy('artists.id')
    .execute()
}
