import type { FastifyInstance } from 'fastify'
import { BlocklistOperations as ops, MAX_IMPORT_BYTES } from '@ndith/contracts'
import { requestContext } from '../../lib/request-context.ts'
import { serve, typed } from '../../lib/routes.ts'
import type { ImportService } from './import-service.ts'
import type { BlocklistService } from './service.ts'

export interface BlocklistRouteOptions {
  entries: BlocklistService
  imports: ImportService
}

/** The caller's personal Do-Not-Play list, its import and export. */
export async function blocklistRoutes(app: FastifyInstance, { entries, imports }: BlocklistRouteOptions) {
  const api = typed(app)
  serve(api, ops.listMyBlocklist, async (request) => entries.list(request.userId, request.query), { config: { accountCheckedByRoute: true } })
  serve(api, ops.addToMyBlocklist, async (request, reply) => {
    const result = await entries.add(request.userId, request.body, requestContext(request))
    return reply.status(result.created ? 201 : 200).send(result)
  })
  serve(api, ops.updateMyBlocklistEntry, async (request) => entries.update(request.userId, request.params.id, request.body, requestContext(request)))
  serve(api, ops.removeMyBlocklistEntry, async (request) => entries.remove(request.userId, request.params.id, requestContext(request)))

  // The body is a ready-made file (a string), sent as it is.
  serve(api, ops.exportMyBlocklist, async (request, reply) => {
    const file = await entries.export(request.userId, request.query.format ?? 'json')
    return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body)
  })

  serve(api, ops.previewBlocklistImport, async (request, reply) => reply.status(201).send(await imports.preview(request.userId, request.body, requestContext(request))), {
    bodyLimit: MAX_IMPORT_BYTES + 64 * 1024,
  })
  serve(api, ops.getBlocklistImport, async (request) => imports.get(request.userId, request.params.id))
  serve(api, ops.confirmBlocklistImport, async (request) => imports.confirm(request.userId, request.params.id, request.body, requestContext(request)))
}
