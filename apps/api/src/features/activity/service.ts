import { pageWindow, type ActivityItem, type ActivityPage, type ActivityQuery } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { activityOf, type ActivityRow } from './repository.ts'

// Session renewals happen on every page load; they stay in the audit log but would drown the feed.
export const HIDDEN_ACTIONS = ['auth.refresh'] as const

const toActivityItem = (row: ActivityRow): ActivityItem => ({
  id: String(row.id),
  action: row.action,
  subjectType: row.subject_type,
  subjectId: row.subject_id,
  before: row.before,
  after: row.after,
  ip: row.ip,
  userAgent: row.user_agent,
  createdAt: row.created_at.toISOString(),
})

/** The signed-in user's own audit trail, newest first, one cursor page at a time. */
export function activityService(db: Db) {
  return {
    async page(userId: string, query: ActivityQuery): Promise<ActivityPage> {
      const { limit } = pageWindow(query)
      const rows = await activityOf(db, userId, { limit, before: query.cursor, hiddenActions: HIDDEN_ACTIONS, kind: query.kind })
      const page = rows.slice(0, limit)
      return { items: page.map(toActivityItem), nextCursor: rows.length > limit ? String(page.at(-1)!.id) : null }
    },
  }
}

export type ActivityService = ReturnType<typeof activityService>
