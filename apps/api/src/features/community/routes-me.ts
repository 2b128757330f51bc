import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { EffectiveBlocklistPage, EffectiveBlocklistQuery, ListItemReport, ReportIdParams, ReportPage, CommunityPageQuery, SubscriptionPage } from '@ndith/contracts'
import { errorResponses } from '../../lib/http.ts'
import { getEffectiveBlocklist } from './effective-blocklist.ts'
import type { CommunityServices } from './routes.ts'

/** The caller's own community data. */
export async function meRoutes(app: FastifyInstance, { db, subscriptions, reports }: CommunityServices) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['community']

  api.get('/me/subscriptions', {
    schema: { tags, summary: 'Your subscriptions, with pending updates to review', querystring: CommunityPageQuery, response: { 200: SubscriptionPage, ...errorResponses(400, 401) } },
  }, async (request) => subscriptions.mine(request.userId, request.query.limit, request.query.offset))

  api.get('/me/effective-blocklist', {
    schema: {
      tags,
      summary: 'Your personal list ∪ subscribed lists at their pinned or accepted versions, with sources',
      querystring: EffectiveBlocklistQuery,
      response: { 200: EffectiveBlocklistPage, ...errorResponses(400, 401) },
    },
  }, async (request) => getEffectiveBlocklist(db, request.userId, request.query))

  api.get('/me/reports', {
    schema: { tags, summary: 'Reports you filed, newest first', querystring: CommunityPageQuery, response: { 200: ReportPage, ...errorResponses(400, 401) } },
  }, async (request) => reports.mine(request.userId, request.query.limit, request.query.offset))

  api.get('/me/reports/:id', {
    schema: { tags, summary: 'One of your reports', params: ReportIdParams, response: { 200: ListItemReport, ...errorResponses(400, 401, 404) } },
  }, async (request) => reports.get(request.userId, request.params.id))
}
