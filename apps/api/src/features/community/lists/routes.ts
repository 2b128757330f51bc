import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { CommunityList, CommunityListPage, CommunityListQuery, CreateCommunityListRequest, ListIdParams, UpdateCommunityListRequest } from '@ndith/contracts'
import { errorResponses } from '../../../lib/http.ts'
import { requestContext } from '../../../lib/request-context.ts'
import type { CommunityServices } from '../services.ts'

/** Lists themselves: create, browse, read, edit. */
export async function listRoutes(app: FastifyInstance, { lists }: CommunityServices) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['community']

  api.post('/community-lists', {
    schema: { operationId: 'createCommunityList', tags, summary: 'Create a community list (the caller owns it)', body: CreateCommunityListRequest, response: { 201: CommunityList, ...errorResponses(400, 401) } },
  }, async (request, reply) => reply.status(201).send(await lists.create(request.userId, request.body, requestContext(request))))

  api.get('/community-lists', {
    schema: { operationId: 'browseCommunityLists', tags, summary: 'Browse and search public lists (and your own)', querystring: CommunityListQuery, response: { 200: CommunityListPage, ...errorResponses(400, 401) } },
  }, async (request) => lists.browse(request.userId, request.query))

  api.get('/community-lists/:id', {
    schema: { operationId: 'getCommunityList', tags, summary: 'One list with its current version, criteria, owner and counts', params: ListIdParams, response: { 200: CommunityList, ...errorResponses(400, 401, 404) } },
  }, async (request) => lists.get(request.userId, request.params.id))

  api.patch('/community-lists/:id', {
    schema: { operationId: 'updateCommunityList', tags, summary: "Edit a list's details (owner only)", params: ListIdParams, body: UpdateCommunityListRequest, response: { 200: CommunityList, ...errorResponses(400, 401, 403, 404) } },
  }, async (request) => lists.update(request.userId, request.params.id, request.body, requestContext(request)))
}
