import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import {
  AddCommunityListItemRequest,
  CommunityListItem,
  CommunityListItemPage,
  CommunityPageQuery,
  ListArtistParams,
  ListIdParams,
  UpdateCommunityListItemRequest,
} from '@ndith/contracts'
import { errorResponses } from '../../../lib/http.ts'
import { requestContext } from '../../../lib/request-context.ts'
import type { CommunityServices } from '../services.ts'

/** A list's items: the owner edits the draft, everyone else reads the current version. */
export async function itemRoutes(app: FastifyInstance, { items }: CommunityServices) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['community']

  api.get('/community-lists/:id/items', {
    schema: {
      operationId: 'listCommunityListItems',
      tags,
      summary: "Items: the owner's working draft, everyone else's view of the current version",
      params: ListIdParams,
      querystring: CommunityPageQuery,
      response: { 200: CommunityListItemPage, ...errorResponses(400, 401, 404) },
    },
  }, async (request) => items.list(request.userId, request.params.id, request.query))

  api.post('/community-lists/:id/items', {
    schema: {
      operationId: 'addCommunityListItem',
      tags,
      summary: 'Add an artist to the draft by id or provider URL, with a rationale (owner only)',
      params: ListIdParams,
      body: AddCommunityListItemRequest,
      response: { 201: CommunityListItem, ...errorResponses(400, 401, 403, 404, 409, 502) },
    },
  }, async (request, reply) => reply.status(201).send(await items.add(request.userId, request.params.id, request.body, requestContext(request))))

  api.patch('/community-lists/:id/items/:artistId', {
    schema: {
      operationId: 'updateCommunityListItem',
      tags,
      summary: "Edit a draft item's rationale or evidence (owner only)",
      params: ListArtistParams,
      body: UpdateCommunityListItemRequest,
      response: { 200: CommunityListItem, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => items.update(request.userId, request.params.id, request.params.artistId, request.body, requestContext(request)))

  api.delete('/community-lists/:id/items/:artistId', {
    schema: {
      operationId: 'removeCommunityListItem',
      tags,
      summary: 'Remove an artist from the draft (owner only); returns it for undo',
      params: ListArtistParams,
      response: { 200: CommunityListItem, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => items.remove(request.userId, request.params.id, request.params.artistId, requestContext(request)))
}
