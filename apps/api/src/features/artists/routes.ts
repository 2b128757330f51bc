import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Artist, ArtistSearchQuery, ArtistSearchResponse, IdParams, ResolveArtistRequest } from '@ndith/contracts'
import { errorResponses } from '../../lib/http.ts'
import type { ArtistCatalog } from './service.ts'

export async function artistRoutes(app: FastifyInstance, opts: { catalog: ArtistCatalog }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['artists']

  api.get('/search', {
    schema: { operationId: 'searchArtists', tags, summary: 'Fuzzy search by name or alias (typo-tolerant, ranked)', querystring: ArtistSearchQuery, response: { 200: ArtistSearchResponse, ...errorResponses(400, 401) } },
  }, async (request) => opts.catalog.search(request.query.q, request.query))

  api.post('/resolve', {
    schema: { operationId: 'resolveArtist', tags, summary: 'Resolve a provider URL or URI to a catalog artist', body: ResolveArtistRequest, response: { 200: Artist, ...errorResponses(400, 401, 404, 502) } },
  }, async (request) => opts.catalog.resolve(request.body.url))

  api.get('/:id', {
    schema: { operationId: 'getArtist', tags, summary: 'One artist', params: IdParams, response: { 200: Artist, ...errorResponses(400, 401, 404) } },
  }, async (request) => opts.catalog.get(request.params.id))
}
