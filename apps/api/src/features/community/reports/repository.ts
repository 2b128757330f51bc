import type { Db } from '../../../db/database.ts'
import { pageRows } from '../../../db/paging.ts'
import { artistColumns } from '../../artists/mapping.ts'
import type { ReportRow } from '../mapping.ts'
import type { CommunityListReportsTable } from '../tables.ts'
import type { Insertable } from 'kysely'

export const insertReport = (db: Db, values: Insertable<CommunityListReportsTable>) =>
  db.insertInto('community_list_reports').values(values).returning('id').executeTakeFirstOrThrow()

/** Reports are only ever read by their reporter. */
const reportsOf = (db: Db, reporterId: string) =>
  db
    .selectFrom('community_list_reports as r')
    .innerJoin('community_lists as l', 'l.id', 'r.list_id')
    .innerJoin('artists', 'artists.id', 'r.artist_id')
    .select(artistColumns)
    .select(['r.id as report_id', 'r.list_id', 'l.name as list_name', 'r.reason', 'r.details', 'r.status', 'r.created_at'])
    .where('r.reporter_id', '=', reporterId)

export const findReport = (db: Db, reporterId: string, id: string): Promise<ReportRow | undefined> =>
  reportsOf(db, reporterId).where('r.id', '=', id).executeTakeFirst()

/** Newest first. */
export const listReports = (db: Db, reporterId: string, limit: number, offset: number) =>
  pageRows(reportsOf(db, reporterId).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc'), limit, offset)
