import type { Provider } from '@ndith/contracts'

/** What a provider tells us about an artist; enough to create or refresh a catalog row. */
export interface ProviderArtist {
  provider: Provider
  id: string
  name: string
  imageUrl?: string | null
  genres?: string[]
}

export interface ArtistProvider {
  /** undefined when the provider has no artist with this id. */
  fetchArtist(id: string): Promise<ProviderArtist | undefined>
}

/** Providers the catalog may ask about unknown ids; injected so tests use fakes. */
export type ArtistProviders = Partial<Record<Provider, ArtistProvider>>
