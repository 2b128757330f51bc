import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { CommunityPageQuery, CreateReportRequest, ListArtistParams, ListItemReport, ReportIdParams, ReportPage } from '@ndith/contracts'
import { errorResponses } from '../../../lib/http.ts'
import { requestContext } from '../../../lib/request-context.ts'
import type { CommunityServices } from '../services.ts'

/** Reporting a list item for moderation, and the reporter's own reports. */
export async function reportRoutes(app: FastifyInstance, { reports }: CommunityServices) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['community']

  api.post('/community-lists/:id/items/:artistId/reports', {
    schema: {
      operationId: 'reportCommunityListItem',
      tags,
      summary: 'Report a list item for moderation',
      params: ListArtistParams,
      body: CreateReportRequest,
      response: { 201: ListItemReport, ...errorResponses(400, 401, 404) },
    },
  }, async (request, reply) =>
    reply.status(201).send(await reports.create(request.userId, request.params.id, request.params.artistId, request.body, requestContext(request))))

  api.get('/me/reports', {
    schema: { operationId: 'listMyReports', tags, summary: 'Reports you filed, newest first', querystring: CommunityPageQuery, response: { 200: ReportPage, ...errorResponses(400, 401) } },
  }, async (request) => reports.mine(request.userId, request.query))

  api.get('/me/reports/:id', {
    schema: { operationId: 'getMyReport', tags, summary: 'One of your reports', params: ReportIdParams, response: { 200: ListItemReport, ...errorResponses(400, 401, 404) } },
  }, async (request) => reports.get(request.userId, request.params.id))
}
