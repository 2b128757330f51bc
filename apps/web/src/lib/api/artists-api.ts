import type { Artist, ArtistSearchResponse } from '@ndith/contracts'
import type { ApiClient } from './client.ts'

/** The artist catalog: fuzzy search, provider-link resolution, one artist. */
export interface ArtistsApi {
  search(q: string, page?: { limit?: number; offset?: number }, signal?: AbortSignal): Promise<ArtistSearchResponse>
  resolve(url: string): Promise<Artist>
  get(id: string): Promise<Artist>
}

export function createArtistsApi(client: ApiClient): ArtistsApi {
  return {
    search: (q, page = {}, signal) => client.get('/artists/search', { q, limit: page.limit, offset: page.offset }, signal),
    resolve: (url) => client.send('POST', '/artists/resolve', { url }),
    get: (id) => client.get(`/artists/${encodeURIComponent(id)}`),
  }
}
