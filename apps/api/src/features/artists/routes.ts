import type { FastifyInstance } from 'fastify'
import { ArtistOperations as ops } from '@ndith/contracts'
import { serve, typed } from '../../lib/routes.ts'
import type { ArtistCatalog } from './service.ts'

/** The artist catalog: search, resolve a provider link, read one artist. */
export async function artistRoutes(app: FastifyInstance, { catalog }: { catalog: ArtistCatalog }) {
  const api = typed(app)
  serve(api, ops.searchArtists, async (request) => catalog.search(request.query.q, request.query, request.userId))
  serve(api, ops.resolveArtist, async (request) => catalog.resolve(request.body.url))
  serve(api, ops.getArtist, async (request) => catalog.get(request.params.id))
}
