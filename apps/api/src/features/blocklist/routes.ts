import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import {
  AddBlocklistEntryRequest,
  AddBlocklistEntryResponse,
  BlocklistEntry,
  BlocklistPage,
  BlocklistQuery,
  ExportQuery,
  type ExportQuery as ExportQueryType,
  IdParams,
  ImportConfirmRequest,
  ImportConfirmResponse,
  ImportPreview,
  ImportPreviewRequest,
  MAX_IMPORT_BYTES,
  UpdateBlocklistEntryRequest,
} from '@ndith/contracts'
import { errorResponses, fileResponse } from '../../lib/http.ts'
import { requestContext } from '../../lib/request-context.ts'
import type { ImportService } from './import-service.ts'
import type { BlocklistService } from './service.ts'

export interface BlocklistRouteOptions {
  entries: BlocklistService
  imports: ImportService
}

/** The caller's personal Do-Not-Play list, under /api/v1/me/blocklist. */
export async function blocklistRoutes(app: FastifyInstance, { entries, imports }: BlocklistRouteOptions) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['do-not-play list']

  api.get('', {
    schema: { operationId: 'listMyBlocklist', tags, summary: 'My list: filter by tag, search, sort by name or date added, paginate', querystring: BlocklistQuery, response: { 200: BlocklistPage, ...errorResponses(400, 401) } },
  }, async (request) => entries.list(request.userId, request.query))

  api.post('', {
    schema: { operationId: 'addToMyBlocklist', tags, summary: 'Add an artist by catalog id or provider URL (a duplicate add says so: created=false)', body: AddBlocklistEntryRequest, response: { 200: AddBlocklistEntryResponse, 201: AddBlocklistEntryResponse, ...errorResponses(400, 401, 404, 502) } },
  }, async (request, reply) => {
    const result = await entries.add(request.userId, request.body, requestContext(request))
    return reply.status(result.created ? 201 : 200).send(result)
  })

  api.patch('/:id', {
    schema: { operationId: 'updateMyBlocklistEntry', tags, summary: 'Edit tags and note', params: IdParams, body: UpdateBlocklistEntryRequest, response: { 200: BlocklistEntry, ...errorResponses(400, 401, 404) } },
  }, async (request) => entries.update(request.userId, request.params.id, request.body, requestContext(request)))

  api.delete('/:id', {
    schema: { operationId: 'removeMyBlocklistEntry', tags, summary: 'Remove an entry; returns it so the client can undo', params: IdParams, response: { 200: BlocklistEntry, ...errorResponses(400, 401, 404) } },
  }, async (request) => entries.remove(request.userId, request.params.id, requestContext(request)))

  // Registered untyped: the body is a ready-made file, not a JSON value to serialize.
  app.get<{ Querystring: ExportQueryType }>('/export', {
    schema: {
      operationId: 'exportMyBlocklist',
      tags,
      summary: 'Download the list as CSV or JSON (re-importable)',
      querystring: ExportQuery,
      produces: ['text/csv', 'application/json'],
      response: { 200: fileResponse('The list as a file (Content-Disposition names it)', ['text/csv', 'application/json']), ...errorResponses(400, 401) },
    },
  }, async (request, reply) => {
    const file = await entries.export(request.userId, request.query.format ?? 'json')
    return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body)
  })

  api.post('/imports', {
    bodyLimit: MAX_IMPORT_BYTES + 64 * 1024,
    schema: { operationId: 'previewBlocklistImport', tags, summary: 'Preview an import (CSV or JSON): each row will-add, already-listed, not-found, ambiguous or invalid', body: ImportPreviewRequest, response: { 201: ImportPreview, ...errorResponses(400, 401, 413) } },
  }, async (request, reply) => reply.status(201).send(await imports.preview(request.userId, request.body, requestContext(request))))

  api.get('/imports/:id', {
    schema: { operationId: 'getBlocklistImport', tags, summary: 'A stored import preview', params: IdParams, response: { 200: ImportPreview, ...errorResponses(400, 401, 404) } },
  }, async (request) => imports.get(request.userId, request.params.id))

  api.post('/imports/:id/confirm', {
    schema: { operationId: 'confirmBlocklistImport', tags, summary: 'Import the confirmed rows, all or nothing', params: IdParams, body: ImportConfirmRequest, response: { 200: ImportConfirmResponse, ...errorResponses(400, 401, 404, 409) } },
  }, async (request) => imports.confirm(request.userId, request.params.id, request.body, requestContext(request)))
}
