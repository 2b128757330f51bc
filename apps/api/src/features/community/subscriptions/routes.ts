import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import {
  AcceptVersionRequest,
  CommunityPageQuery,
  EffectiveBlocklistPage,
  EffectiveBlocklistQuery,
  ListIdParams,
  ListSubscription,
  SubscribeRequest,
  SubscriptionPage,
  SubscriptionPreview,
} from '@ndith/contracts'
import { errorResponses } from '../../../lib/http.ts'
import { requestContext } from '../../../lib/request-context.ts'
import type { CommunityServices } from '../services.ts'

/** The caller's subscriptions, the preview before subscribing, and what they add up to. */
export async function subscriptionRoutes(app: FastifyInstance, { subscriptions }: CommunityServices) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['community']

  api.put('/community-lists/:id/subscription', {
    schema: {
      operationId: 'subscribeToCommunityList',
      tags,
      summary: 'Subscribe pinned to a version or with auto-update, or change the subscription (201 when new)',
      params: ListIdParams,
      body: SubscribeRequest,
      response: { 200: ListSubscription, 201: ListSubscription, ...errorResponses(400, 401, 404, 409) },
    },
  }, async (request, reply) => {
    const { subscription, created } = await subscriptions.subscribe(request.userId, request.params.id, request.body, requestContext(request))
    return reply.status(created ? 201 : 200).send(subscription)
  })

  api.delete('/community-lists/:id/subscription', {
    schema: { operationId: 'unsubscribeFromCommunityList', tags, summary: 'Unsubscribe', params: ListIdParams, response: { 204: Type.Null(), ...errorResponses(400, 401, 404) } },
  }, async (request, reply) => {
    await subscriptions.unsubscribe(request.userId, request.params.id, requestContext(request))
    return reply.status(204).send(null)
  })

  api.post('/community-lists/:id/subscription/accept', {
    schema: {
      operationId: 'acceptCommunityListVersion',
      tags,
      summary: 'Accept a newer version into an auto-update subscription (after viewing its diff)',
      params: ListIdParams,
      body: AcceptVersionRequest,
      response: { 200: ListSubscription, ...errorResponses(400, 401, 404, 409) },
    },
  }, async (request) => subscriptions.accept(request.userId, request.params.id, request.body.version, requestContext(request)))

  api.get('/community-lists/:id/preview', {
    schema: {
      operationId: 'previewCommunityListSubscription',
      tags,
      summary: 'What subscribing (at the current version) would add to your effective blocklist',
      params: ListIdParams,
      querystring: CommunityPageQuery,
      response: { 200: SubscriptionPreview, ...errorResponses(400, 401, 404, 409) },
    },
  }, async (request) => subscriptions.preview(request.userId, request.params.id, request.query))

  api.get('/me/subscriptions', {
    schema: { operationId: 'listMySubscriptions', tags, summary: 'Your subscriptions, with pending updates to review', querystring: CommunityPageQuery, response: { 200: SubscriptionPage, ...errorResponses(400, 401) } },
  }, async (request) => subscriptions.mine(request.userId, request.query))

  api.get('/me/effective-blocklist', {
    schema: {
      operationId: 'getMyEffectiveBlocklist',
      tags,
      summary: 'Your personal list ∪ subscribed lists at their pinned or accepted versions, with sources',
      querystring: EffectiveBlocklistQuery,
      response: { 200: EffectiveBlocklistPage, ...errorResponses(400, 401) },
    },
  }, async (request) => subscriptions.effective(request.userId, request.query))
}
