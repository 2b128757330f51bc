import type { FastifyInstance } from 'fastify'
import { ConnectionOperations as ops } from '@ndith/contracts'
import { requestContext } from '../../lib/request-context.ts'
import { serve, typed } from '../../lib/routes.ts'
import type { LibraryService } from './service.ts'

/** A connected account's library: start a scan, follow it, see the summary. */
export async function libraryRoutes(app: FastifyInstance, { library }: { library: LibraryService }) {
  const api = typed(app)
  serve(api, ops.startLibraryScan, async (request, reply) =>
    reply.status(202).send(await library.startScan(request.userId, request.params.id, requestContext(request))))
  serve(api, ops.getLibrary, async (request) => library.library(request.userId, request.params.id))
}
