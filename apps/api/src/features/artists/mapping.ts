import { PROVIDERS, type Artist, type ExternalIds, type Provider } from '@ndith/contracts'
import type { ArtistRow } from './tables.ts'

/** The artists column holding each provider's id. */
export const providerColumn = {
  spotify: 'spotify_id',
  apple_music: 'apple_music_id',
  youtube_music: 'youtube_music_id',
  tidal: 'tidal_id',
  musicbrainz: 'musicbrainz_id',
} as const satisfies Record<Provider, keyof ArtistRow>

/** The artist columns every response needs (not search_text or timestamps). */
export const artistColumns = [
  'artists.id',
  'artists.canonical_name',
  'artists.aliases',
  'artists.image_url',
  'artists.genres',
  'artists.spotify_id',
  'artists.apple_music_id',
  'artists.youtube_music_id',
  'artists.tidal_id',
  'artists.musicbrainz_id',
] as const

/** artistColumns for a raw statement that names the artists table `alias`: "a.id, a.canonical_name, ...". */
export const artistColumnsOf = (alias: string) => artistColumns.map((column) => column.replace(/^artists\./, `${alias}.`)).join(', ')

export type ArtistColumns = Pick<ArtistRow, 'id' | 'canonical_name' | 'aliases' | 'image_url' | 'genres' | (typeof providerColumn)[Provider]>

export function toArtist(row: ArtistColumns): Artist {
  const externalIds: ExternalIds = {}
  for (const provider of PROVIDERS) {
    const id = row[providerColumn[provider]]
    if (id) externalIds[provider] = id
  }
  return { id: row.id, name: row.canonical_name, aliases: row.aliases, imageUrl: row.image_url, genres: row.genres, externalIds }
}
