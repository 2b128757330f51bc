import type { ColumnType, Generated, Selectable } from 'kysely'

export interface ArtistsTable {
  id: Generated<string>
  canonical_name: string
  aliases: ColumnType<string[], string[] | undefined, string[]>
  image_url: string | null
  genres: ColumnType<string[], string[] | undefined, string[]>
  spotify_id: string | null
  apple_music_id: string | null
  youtube_music_id: string | null
  tidal_id: string | null
  musicbrainz_id: string | null
  /** Generated from the name and aliases; trigram-indexed for fuzzy search. */
  search_text: ColumnType<string, never, never>
  /** Generated: the sorted letters of each word of search_text (finds swapped letters). */
  search_keys: ColumnType<string[], never, never>
  created_at: ColumnType<Date, Date | undefined, never>
  updated_at: ColumnType<Date, Date | undefined, Date>
}

export type ArtistRow = Selectable<ArtistsTable>
