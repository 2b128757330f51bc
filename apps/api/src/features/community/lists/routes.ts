import type { FastifyInstance } from 'fastify'
import { CommunityOperations as ops } from '@ndith/contracts'
import { requestContext } from '../../../lib/request-context.ts'
import { serve, typed } from '../../../lib/routes.ts'
import type { CommunityServices } from '../services.ts'

/** Lists themselves: create, browse, read, edit. */
export async function listRoutes(app: FastifyInstance, { lists }: CommunityServices) {
  const api = typed(app)
  serve(api, ops.createCommunityList, async (request, reply) => reply.status(201).send(await lists.create(request.userId, request.body, requestContext(request))))
  serve(api, ops.browseCommunityLists, async (request) => lists.browse(request.userId, request.query))
  serve(api, ops.getCommunityList, async (request) => lists.get(request.userId, request.params.id))
  serve(api, ops.updateCommunityList, async (request) => lists.update(request.userId, request.params.id, request.body, requestContext(request)))
}
