import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { ActivityPage, ActivityQuery } from '@ndith/contracts'
import { errorResponses } from '../../lib/http.ts'
import type { ActivityService } from './service.ts'

/** The signed-in user's own audit trail, under /api/v1/me/activity. */
export async function activityRoutes(app: FastifyInstance, opts: { activity: ActivityService }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.get('', {
    schema: { operationId: 'listMyActivity', tags: ['account'], summary: 'My activity, newest first', querystring: ActivityQuery, response: { 200: ActivityPage, ...errorResponses(400, 401) } },
  }, async (request) => opts.activity.page(request.userId, request.query))
}
