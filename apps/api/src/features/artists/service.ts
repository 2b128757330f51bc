import type { FastifyBaseLogger } from 'fastify'
import { PROVIDER_LABELS, pageWindow, parseProviderUrl, type Artist, type ArtistSearchResponse, type PageRequest, type Provider } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { AppError, validationError } from '../../lib/app-error.ts'
import { toArtist } from './mapping.ts'
import type { ArtistProviders } from './providers.ts'
import * as repo from './repository.ts'
import { looseSearch, searchArtists, type SearchRow } from './search.ts'

export function artistCatalog(db: Db, providers: ArtistProviders, log?: FastifyBaseLogger) {
  async function fetchFromProvider(provider: Provider, id: string) {
    try {
      return await providers[provider]?.fetchArtist(id)
    } catch (error) {
      log?.warn({ err: error, provider }, 'artist provider failed')
      throw new AppError('PROVIDER_UNAVAILABLE', `${PROVIDER_LABELS[provider]} could not be reached; try again in a moment`)
    }
  }

  return {
    /**
     * Ranked matches, each marked when on the user's list. When nothing matches, a looser pass's
     * close matches (one page) or its "did you mean" names.
     */
    async search(q: string, page: PageRequest = {}, userId: string | null = null): Promise<ArtistSearchResponse> {
      const { limit, offset } = pageWindow(page)
      const toResult = (row: SearchRow) => ({ ...toArtist(row), score: Math.round(row.score * 1000) / 1000, onList: row.on_list })
      const rows = await searchArtists(db, q, limit, offset, userId)
      if (rows.length === 0 && offset === 0) {
        const loose = await looseSearch(db, q, limit, userId)
        return { items: loose.rows.map(toResult), hasMore: false, limit, offset, suggestions: loose.suggestions }
      }
      return { items: rows.slice(0, limit).map(toResult), hasMore: rows.length > limit, limit, offset, suggestions: [] }
    },

    async get(id: string): Promise<Artist> {
      const row = await repo.findArtistById(db, id)
      if (!row) throw new AppError('NOT_FOUND', 'No artist with this id')
      return toArtist(row)
    },

    /**
     * A provider URL or URI → the catalog artist. Unknown ids are fetched from the provider (when
     * one is configured) and upserted, so one provider id always maps to one artist.
     */
    async resolve(url: string): Promise<Artist> {
      const ref = parseProviderUrl(url)
      if (!ref) {
        throw validationError([{ field: 'url', code: 'unsupported-url', message: 'Paste an artist link from Spotify, Apple Music, YouTube Music, TIDAL or MusicBrainz' }])
      }
      const known = await repo.findArtistByProviderId(db, ref.provider, ref.id)
      if (known) return toArtist(known)
      const fetched = await fetchFromProvider(ref.provider, ref.id)
      if (!fetched) throw new AppError('NOT_FOUND', `This ${PROVIDER_LABELS[ref.provider]} artist is not in the catalog`)
      return toArtist(await repo.upsertProviderArtist(db, fetched))
    },
  }
}

export type ArtistCatalog = ReturnType<typeof artistCatalog>
