import Type, { type Static } from 'typebox'
import { PageQuery } from './pagination.ts'

export const ExternalIds = Type.Object({
  spotify: Type.Optional(Type.String()),
  apple_music: Type.Optional(Type.String()),
  youtube_music: Type.Optional(Type.String()),
  tidal: Type.Optional(Type.String()),
  musicbrainz: Type.Optional(Type.String()),
})
export type ExternalIds = Static<typeof ExternalIds>

export const Artist = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    aliases: Type.Array(Type.String()),
    imageUrl: Type.Union([Type.String(), Type.Null()]),
    genres: Type.Array(Type.String()),
    externalIds: ExternalIds,
  },
)
export type Artist = Static<typeof Artist>

export const ArtistSearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 200 }),
  ...PageQuery,
})
export type ArtistSearchQuery = Static<typeof ArtistSearchQuery>

export const ArtistSearchResult = Type.Object({
  ...Artist.properties,
  score: Type.Number(),
  onList: Type.Boolean({ description: "Whether the artist is on the signed-in user's list" }),
})
export type ArtistSearchResult = Static<typeof ArtistSearchResult>
export const ArtistSearchResponse = Type.Object(
  {
    items: Type.Array(ArtistSearchResult),
    hasMore: Type.Boolean(),
    limit: Type.Integer(),
    offset: Type.Integer(),
    suggestions: Type.Array(Type.String(), { description: 'Did you mean: names close to a query that matched nothing (first page only), closest first' }),
  },
  { $id: 'ArtistSearchResponse' },
)
export type ArtistSearchResponse = Static<typeof ArtistSearchResponse>

export const ResolveArtistRequest = Type.Object(
  { url: Type.String({ minLength: 1, maxLength: 2000, description: 'A provider URL or URI, e.g. spotify:artist:…' }) },
  { additionalProperties: false },
)
export type ResolveArtistRequest = Static<typeof ResolveArtistRequest>
