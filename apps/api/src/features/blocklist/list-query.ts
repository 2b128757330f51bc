import { CompiledQuery } from 'kysely'
import type { BlocklistQuery } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { containsPattern } from '../../db/like.ts'
import { artistColumns } from '../artists/mapping.ts'
import { entryColumns, type EntryRow } from './repository.ts'

/**
 * The list read in one statement and one round trip: the account (no row: it was deleted), a page
 * of entries with the filtered total (a window count) and every tag of the user. The statement
 * text depends only on the query's shape (sort, order, which filters), so it is built once per
 * shape and reused with new parameters instead of being compiled on every request.
 */
const statements = new Map<string, string>()

function statement(shape: { sort: 'name' | 'added'; order: 'asc' | 'desc'; tag: boolean; q: boolean }) {
  const key = JSON.stringify(shape)
  let text = statements.get(key)
  if (text) return text
  let n = 1
  const filters = ['user_artist_blocks.user_id = $1']
  if (shape.tag) filters.push(`$${++n} = any(user_artist_blocks.tags)`)
  if (shape.q) filters.push(`(artists.search_text like $${++n} or lower(coalesce(user_artist_blocks.note, '')) like $${n})`)
  const sortKey = shape.sort === 'name' ? 'lower(artists.canonical_name)' : 'user_artist_blocks.created_at'
  // Every part names the user as $1 (not users.id): the tag list is then computed once, not once per row.
  text = `select users.id as account,
      array(select tag from (select distinct unnest(tags) as tag from user_artist_blocks where user_id = $1) t order by lower(tag), tag) as all_tags,
      page.*
    from users
    left join lateral (
      select ${artistColumns.join(', ')}, ${entryColumns.join(', ')}, count(*) over () as total
      from user_artist_blocks inner join artists on artists.id = user_artist_blocks.artist_id
      where ${filters.join(' and ')}
      order by ${sortKey} ${shape.order}, user_artist_blocks.id
      limit $${n + 1} offset $${n + 2}
    ) page on true
    where users.id = $1`
  statements.set(key, text)
  return text
}

type Row = Partial<EntryRow> & { account: string; all_tags: string[]; total: string | null }

export interface ListRead {
  /** False when the account no longer exists (its token outlived it). */
  account: boolean
  rows: EntryRow[]
  /** Undefined only for an empty page past the end of a non-empty list. */
  total: number | undefined
  tags: string[]
}

export async function readList(db: Db, userId: string, query: BlocklistQuery, window: { limit: number; offset: number }): Promise<ListRead> {
  const sort = query.sort ?? 'added'
  const order = query.order ?? (sort === 'name' ? 'asc' : 'desc')
  const q = query.q?.trim() ? containsPattern(query.q) : undefined
  const text = statement({ sort, order, tag: Boolean(query.tag), q: q !== undefined })
  const parameters = [userId, ...(query.tag ? [query.tag] : []), ...(q !== undefined ? [q] : []), window.limit, window.offset]
  const { rows } = await db.executeQuery<Row>(CompiledQuery.raw(text, parameters))
  const first = rows[0]
  if (!first) return { account: false, rows: [], total: 0, tags: [] }
  const entries = first.entry_id ? (rows as EntryRow[]) : []
  return { account: true, rows: entries, total: first.total !== null ? Number(first.total) : window.offset === 0 ? 0 : undefined, tags: first.all_tags }
}
