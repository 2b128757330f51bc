import { Artist, ArtistSearchQuery, ArtistSearchResponse, ResolveArtistRequest } from '../artists.ts'
import { operation, operations } from '../operation.ts'
import { IdParams } from '../pagination.ts'

/** The artist catalog, under /api/v1/artists. */
export const ArtistOperations = operations('artists', {
  searchArtists: operation('GET', '/artists/search', 'Fuzzy search by name or alias (typo-tolerant, ranked)', { querystring: ArtistSearchQuery, response: { 200: ArtistSearchResponse } }, [400, 401]),
  resolveArtist: operation('POST', '/artists/resolve', 'Resolve a provider URL or URI to a catalog artist', { body: ResolveArtistRequest, response: { 200: Artist } }, [400, 401, 404, 502]),
  getArtist: operation('GET', '/artists/:id', 'One artist', { params: IdParams, response: { 200: Artist } }, [400, 401, 404]),
})
