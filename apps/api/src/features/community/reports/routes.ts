import type { FastifyInstance } from 'fastify'
import { CommunityOperations as ops } from '@ndith/contracts'
import { requestContext } from '../../../lib/request-context.ts'
import { serve, typed } from '../../../lib/routes.ts'
import type { CommunityServices } from '../services.ts'

/** Reporting a list item for moderation, and the reporter's own reports. */
export async function reportRoutes(app: FastifyInstance, { reports }: CommunityServices) {
  const api = typed(app)
  serve(api, ops.reportCommunityListItem, async (request, reply) => {
    const report = await reports.create(request.userId, request.params.id, request.params.artistId, request.body, requestContext(request))
    return reply.status(201).send(report)
  })
  serve(api, ops.listMyReports, async (request) => reports.mine(request.userId, request.query))
  serve(api, ops.getMyReport, async (request) => reports.get(request.userId, request.params.id))
}
