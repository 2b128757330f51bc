import { sql } from 'kysely'
import type { BlocklistQuery } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { containsPattern } from '../../db/like.ts'
import { artistColumns } from '../artists/mapping.ts'

export const entryColumns = [
  'user_artist_blocks.id as entry_id',
  'user_artist_blocks.tags',
  'user_artist_blocks.note',
  'user_artist_blocks.created_at',
  'user_artist_blocks.updated_at',
] as const

const entries = (db: Db, userId: string) =>
  db
    .selectFrom('user_artist_blocks')
    .innerJoin('artists', 'artists.id', 'user_artist_blocks.artist_id')
    .select(artistColumns)
    .select(entryColumns)
    .where('user_artist_blocks.user_id', '=', userId)

export type EntryRow = Awaited<ReturnType<typeof findEntry>> & object

export const findEntry = (db: Db, userId: string, entryId: string) =>
  entries(db, userId).where('user_artist_blocks.id', '=', entryId).executeTakeFirst()

export const findEntryByArtist = (db: Db, userId: string, artistId: string) =>
  entries(db, userId).where('user_artist_blocks.artist_id', '=', artistId).executeTakeFirst()

/** The filtered total alone: for an empty page past the end of the list (the list read has no row to carry it). */
export async function countEntries(db: Db, userId: string, query: BlocklistQuery) {
  let q = db
    .selectFrom('user_artist_blocks')
    .innerJoin('artists', 'artists.id', 'user_artist_blocks.artist_id')
    .where('user_artist_blocks.user_id', '=', userId)
  if (query.tag) q = q.where(sql<boolean>`${query.tag} = any(user_artist_blocks.tags)`)
  if (query.q?.trim()) {
    const text = containsPattern(query.q)
    q = q.where((eb) => eb.or([eb('artists.search_text', 'like', text), eb(sql`lower(coalesce(user_artist_blocks.note, ''))`, 'like', text)]))
  }
  return Number((await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)
}

/** Inserts unless the artist is already listed; returns the new row's id or undefined. */
export async function insertEntry(db: Db, userId: string, artistId: string, tags: string[], note: string | null) {
  const row = await db
    .insertInto('user_artist_blocks')
    .values({ user_id: userId, artist_id: artistId, tags, note })
    .onConflict((oc) => oc.columns(['user_id', 'artist_id']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id
}

export async function insertEntries(db: Db, userId: string, rows: { artistId: string; tags: string[]; note: string | null }[]) {
  let inserted = 0
  // 1,000 rows per statement stays far below Postgres' 65,535 bind-parameter limit.
  for (let i = 0; i < rows.length; i += 1000) {
    const result = await db
      .insertInto('user_artist_blocks')
      .values(rows.slice(i, i + 1000).map((r) => ({ user_id: userId, artist_id: r.artistId, tags: r.tags, note: r.note })))
      .onConflict((oc) => oc.columns(['user_id', 'artist_id']).doNothing())
      .returning('id')
      .execute()
    inserted += result.length
  }
  return inserted
}

export const updateEntry = (db: Db, userId: string, entryId: string, changes: { tags?: string[]; note?: string | null }) =>
  db
    .updateTable('user_artist_blocks')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', entryId)
    .where('user_id', '=', userId)
    .executeTakeFirst()

export const deleteEntry = (db: Db, userId: string, entryId: string) =>
  db.deleteFrom('user_artist_blocks').where('id', '=', entryId).where('user_id', '=', userId).executeTakeFirst()

export async function listedArtistIds(db: Db, userId: string, artistIds: string[]): Promise<Set<string>> {
  if (artistIds.length === 0) return new Set()
  const rows = await db.selectFrom('user_artist_blocks').select('artist_id').where('user_id', '=', userId).where('artist_id', 'in', artistIds).execute()
  return new Set(rows.map((r) => r.artist_id))
}

export const allEntries = (db: Db, userId: string) => entries(db, userId).orderBy(sql`lower(artists.canonical_name)`).execute()
