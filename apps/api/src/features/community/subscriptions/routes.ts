import type { FastifyInstance } from 'fastify'
import { CommunityOperations as ops } from '@ndith/contracts'
import { requestContext } from '../../../lib/request-context.ts'
import { serve, typed } from '../../../lib/routes.ts'
import type { CommunityServices } from '../services.ts'

/** The caller's subscriptions, the preview before subscribing, and what they add up to. */
export async function subscriptionRoutes(app: FastifyInstance, { subscriptions }: CommunityServices) {
  const api = typed(app)
  serve(api, ops.subscribeToCommunityList, async (request, reply) => {
    const { subscription, created } = await subscriptions.subscribe(request.userId, request.params.id, request.body, requestContext(request))
    return reply.status(created ? 201 : 200).send(subscription)
  })
  serve(api, ops.unsubscribeFromCommunityList, async (request, reply) => {
    await subscriptions.unsubscribe(request.userId, request.params.id, requestContext(request))
    return reply.status(204).send(null)
  })
  serve(api, ops.acceptCommunityListVersion, async (request) => subscriptions.accept(request.userId, request.params.id, request.body.version, requestContext(request)))
  serve(api, ops.previewCommunityListSubscription, async (request) => subscriptions.preview(request.userId, request.params.id, request.query))
  serve(api, ops.listMySubscriptions, async (request) => subscriptions.mine(request.userId, request.query))
  serve(api, ops.getMyEffectiveBlocklist, async (request) => subscriptions.effective(request.userId, request.query))
  serve(api, ops.exportMyEffectiveBlocklist, async (request, reply) => {
    const file = await subscriptions.exportEffective(request.userId, request.query)
    return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body)
  })
}
