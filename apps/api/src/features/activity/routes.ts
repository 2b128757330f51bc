import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { ActivityPage, ActivityQuery } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { errorResponses } from '../../lib/http.ts'

// Session renewals happen on every page load; they stay in the audit log but would drown the feed.
const HIDDEN_ACTIONS = ['auth.refresh']

/** The signed-in user's own audit trail, newest first, with keyset pagination on the row id. */
export async function activityRoutes(app: FastifyInstance, opts: { db: Db }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.get('/', {
    schema: { tags: ['account'], summary: 'My activity, newest first', querystring: ActivityQuery, response: { 200: ActivityPage, ...errorResponses(400, 401) } },
  }, async (request) => {
    const limit = request.query.limit ?? 25
    let query = opts.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_id', '=', request.userId)
      .where('action', 'not in', HIDDEN_ACTIONS)
      .orderBy('id', 'desc')
      .limit(limit + 1)
    if (request.query.cursor) query = query.where('id', '<', request.query.cursor)
    const rows = await query.execute()
    const page = rows.slice(0, limit)
    return {
      items: page.map((r) => ({
        id: String(r.id),
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        before: r.before,
        after: r.after,
        ip: r.ip,
        userAgent: r.user_agent,
        createdAt: r.created_at.toISOString(),
      })),
      nextCursor: rows.length > limit ? String(page.at(-1)!.id) : null,
    }
  })
}
