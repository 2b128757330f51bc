import { pageWindow, type CreateReportRequest, type ListItemReport, type PageRequest, type ReportPage } from '@ndith/contracts'
import type { Db } from '../../../db/database.ts'
import { AppError, validationError } from '../../../lib/app-error.ts'
import { recordAudit, type RequestContext } from '../../audit/audit-log.ts'
import { visibleList } from '../access.ts'
import { itemIsListed } from '../items/repository.ts'
import { loadPage } from '../../../db/paging.ts'
import { toReport } from '../mapping.ts'
import * as repo from './repository.ts'

export function communityReportsService(db: Db, clock: () => Date) {
  return {
    /**
     * Reports an item of a list the caller can see. Others can report what is published; the
     * owner also what is only on the draft (others cannot see the draft, so it is not revealed).
     */
    async create(userId: string, listId: string, artistId: string, input: CreateReportRequest, ctx: RequestContext): Promise<ListItemReport> {
      const details = input.details?.trim() ?? ''
      if (input.reason === 'other' && !details) {
        throw validationError([{ field: 'details', code: 'required', message: 'Describe the problem when the reason is "other"' }])
      }
      return db.transaction().execute(async (trx) => {
        const list = await visibleList(trx, listId, userId)
        if (!(await itemIsListed(trx, listId, artistId, list.owner_id === userId))) throw new AppError('NOT_FOUND', 'This artist is not on the list')
        const { id } = await repo.insertReport(trx, { list_id: listId, artist_id: artistId, reporter_id: userId, reason: input.reason, details, created_at: clock() })
        await recordAudit(trx, ctx, {
          actorId: userId,
          action: 'community_list.item_reported',
          subjectType: 'community_list_report',
          subjectId: id,
          after: { listId, listName: list.name, artistId, reason: input.reason, details },
        })
        return toReport((await repo.findReport(trx, userId, id))!)
      })
    },

    async mine(userId: string, query: PageRequest = {}): Promise<ReportPage> {
      return loadPage((l, o) => repo.listReports(db, userId, l, o), toReport, pageWindow(query))
    },

    /** The reporter's own report; anyone else's answers 404, like one that does not exist. */
    async get(userId: string, reportId: string): Promise<ListItemReport> {
      const row = await repo.findReport(db, userId, reportId)
      if (!row) throw new AppError('NOT_FOUND', 'No report with this id')
      return toReport(row)
    },
  }
}

export type CommunityReportsService = ReturnType<typeof communityReportsService>
