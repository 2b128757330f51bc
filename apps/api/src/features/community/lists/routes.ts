import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import {
  AddCommunityListItemRequest,
  CommunityList,
  CommunityListItem,
  CommunityListItemPage,
  CommunityPageQuery,
  CommunityListPage,
  CommunityListQuery,
  CreateCommunityListRequest,
  CreateReportRequest,
  ListArtistParams,
  ListIdParams,
  ListItemReport,
  UpdateCommunityListItemRequest,
  UpdateCommunityListRequest,
} from '@ndith/contracts'
import { errorResponses } from '../../lib/http.ts'
import { requestContext } from '../../lib/request-context.ts'
import type { CommunityServices } from './routes.ts'

/** Lists, their draft items and item reports. */
export async function listRoutes(app: FastifyInstance, { lists, items, reports }: CommunityServices) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['community']

  api.post('/community-lists', {
    schema: { tags, summary: 'Create a community list (the caller owns it)', body: CreateCommunityListRequest, response: { 201: CommunityList, ...errorResponses(400, 401) } },
  }, async (request, reply) => reply.status(201).send(await lists.create(request.userId, request.body, requestContext(request))))

  api.get('/community-lists', {
    schema: { tags, summary: 'Browse and search public lists (and your own)', querystring: CommunityListQuery, response: { 200: CommunityListPage, ...errorResponses(400, 401) } },
  }, async (request) => lists.browse(request.userId, request.query))

  api.get('/community-lists/:id', {
    schema: { tags, summary: 'One list with its current version, criteria, owner and counts', params: ListIdParams, response: { 200: CommunityList, ...errorResponses(400, 401, 404) } },
  }, async (request) => lists.get(request.userId, request.params.id))

  api.patch('/community-lists/:id', {
    schema: { tags, summary: "Edit a list's details (owner only)", params: ListIdParams, body: UpdateCommunityListRequest, response: { 200: CommunityList, ...errorResponses(400, 401, 403, 404) } },
  }, async (request) => lists.update(request.userId, request.params.id, request.body, requestContext(request)))

  api.get('/community-lists/:id/items', {
    schema: {
      tags,
      summary: "Items: the owner's working draft, everyone else's view of the current version",
      params: ListIdParams,
      querystring: CommunityPageQuery,
      response: { 200: CommunityListItemPage, ...errorResponses(400, 401, 404) },
    },
  }, async (request) => items.list(request.userId, request.params.id, request.query.limit, request.query.offset))

  api.post('/community-lists/:id/items', {
    schema: {
      tags,
      summary: 'Add an artist to the draft by id or provider URL, with a rationale (owner only)',
      params: ListIdParams,
      body: AddCommunityListItemRequest,
      response: { 201: CommunityListItem, ...errorResponses(400, 401, 403, 404, 409, 502) },
    },
  }, async (request, reply) => reply.status(201).send(await items.add(request.userId, request.params.id, request.body, requestContext(request))))

  api.patch('/community-lists/:id/items/:artistId', {
    schema: {
      tags,
      summary: "Edit a draft item's rationale or evidence (owner only)",
      params: ListArtistParams,
      body: UpdateCommunityListItemRequest,
      response: { 200: CommunityListItem, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => items.update(request.userId, request.params.id, request.params.artistId, request.body, requestContext(request)))

  api.delete('/community-lists/:id/items/:artistId', {
    schema: { tags, summary: 'Remove an artist from the draft (owner only); returns it for undo', params: ListArtistParams, response: { 200: CommunityListItem, ...errorResponses(400, 401, 403, 404) } },
  }, async (request) => items.remove(request.userId, request.params.id, request.params.artistId, requestContext(request)))

  api.post('/community-lists/:id/items/:artistId/reports', {
    schema: {
      tags,
      summary: 'Report a list item for moderation',
      params: ListArtistParams,
      body: CreateReportRequest,
      response: { 201: ListItemReport, ...errorResponses(400, 401, 404) },
    },
  }, async (request, reply) =>
    reply.status(201).send(await reports.create(request.userId, request.params.id, request.params.artistId, request.body, requestContext(request))))
}
