import type { FastifyInstance } from 'fastify'
import { CommunityOperations as ops } from '@ndith/contracts'
import { requestContext } from '../../../lib/request-context.ts'
import { serve, typed } from '../../../lib/routes.ts'
import type { CommunityServices } from '../services.ts'

/** A list's items: the owner edits the draft, everyone else reads the current version. */
export async function itemRoutes(app: FastifyInstance, { items }: CommunityServices) {
  const api = typed(app)
  serve(api, ops.listCommunityListItems, async (request) => items.list(request.userId, request.params.id, request.query))
  serve(api, ops.addCommunityListItem, async (request, reply) => reply.status(201).send(await items.add(request.userId, request.params.id, request.body, requestContext(request))))
  serve(api, ops.updateCommunityListItem, async (request) =>
    items.update(request.userId, request.params.id, request.params.artistId, request.body, requestContext(request)),
  )
  serve(api, ops.removeCommunityListItem, async (request) => items.remove(request.userId, request.params.id, request.params.artistId, requestContext(request)))
}
