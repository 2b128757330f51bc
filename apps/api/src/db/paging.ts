import { sql, type SelectQueryBuilder } from 'kysely'
import { pageOf, type PageWindow } from '@ndith/contracts'

/** Every row of a page carries the total of the whole result, so one query answers both. */
export const totalColumn = () => sql<number>`(count(*) over ())::int`.as('total')

/**
 * One page from a query whose rows carry `totalColumn()` as `total`. A page past the end has no
 * row to carry it, so the total then comes from a one-row look at the first page.
 */
export async function loadPage<R, T>(fetch: (limit: number, offset: number) => Promise<(R & { total: number })[]>, map: (row: R) => T, window: PageWindow) {
  const { limit, offset } = window
  const rows = await fetch(limit, offset)
  const total = rows.length > 0 || offset === 0 ? (rows[0]?.total ?? 0) : ((await fetch(1, 0))[0]?.total ?? 0)
  return pageOf(rows.map(map), total, window)
}

/** One page of a query, in the order the query gives, each row carrying the total (for loadPage). */
export const pageRows = <DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, limit: number, offset: number) =>
  query.select(totalColumn()).limit(limit).offset(offset).execute()
