import type { FastifyInstance } from 'fastify'
import { CommunityOperations as ops } from '@ndith/contracts'
import { requestContext } from '../../../lib/request-context.ts'
import { serve, typed } from '../../../lib/routes.ts'
import type { CommunityServices } from '../services.ts'

/** Publishing and the immutable numbered versions. */
export async function versionRoutes(app: FastifyInstance, { versions }: CommunityServices) {
  const api = typed(app)
  serve(api, ops.publishCommunityList, async (request, reply) => reply.status(201).send(await versions.publish(request.userId, request.params.id, request.body, requestContext(request))), {
    // A publish without a changelog may come with no body at all.
    preValidation: async (request) => {
      request.body ??= {}
    },
  })
  serve(api, ops.listCommunityListVersions, async (request) => versions.list(request.userId, request.params.id, request.query))
  serve(api, ops.getCommunityListVersion, async (request) => versions.get(request.userId, request.params.id, request.params.version, request.query))
  serve(api, ops.diffCommunityListVersion, async (request) => versions.diff(request.userId, request.params.id, request.params.version, request.query.from))
}
