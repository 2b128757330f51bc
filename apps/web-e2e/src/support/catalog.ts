import pg from 'pg'
import { e2eDatabaseUrl } from './environment.ts'

/**
 * Real artists with their real Spotify ids. There is no public endpoint that creates artists (the
 * catalog grows from provider data), so the suite writes these straight into its database.
 */
export interface CatalogArtist {
  name: string
  spotifyId: string
  aliases?: string[]
  genres?: string[]
  musicbrainzId?: string
  /** Pictures come from the providers; a local data URL stands in, as the suite never goes online. */
  imageColor?: string
}

export const CATALOG: readonly CatalogArtist[] = [
  { name: 'Kanye West', spotifyId: '5K4W6rqBFWDnAN6FQUkS6x', aliases: ['Ye'], genres: ['hip hop'], musicbrainzId: '164f0d73-1234-4e2c-8743-d77bf2191051', imageColor: '#7c3aed' },
  { name: 'Drake', spotifyId: '3TVXtAsR1Inumwj472S9r4', genres: ['hip hop', 'r&b'], imageColor: '#0f766e' },
  { name: 'Chris Brown', spotifyId: '7bXgB6jMjp9ATFy66eO08Z', genres: ['r&b'] },
  { name: 'R. Kelly', spotifyId: '2mxe0TnaNL039ysAj51xPQ', aliases: ['R Kelly', 'Robert Kelly'], genres: ['r&b'] },
  { name: 'Future', spotifyId: '1RyvyyTE3xzB2ZywiAwp0i', genres: ['trap', 'hip hop'] },
  { name: 'Future Islands', spotifyId: '1Qp56T7n950O3EGMsSl81D', genres: ['synth-pop'] },
  { name: 'Marilyn Manson', spotifyId: '2VYQTNDsvvKN9wmU5W7xpj', genres: ['industrial metal'] },
  { name: '6ix9ine', spotifyId: '7gZfnEnfiaHzxARJ2LeXrf', aliases: ['Tekashi 6ix9ine', 'Tekashi69'], genres: ['hip hop'] },
  { name: 'Morrissey', spotifyId: '3iOvXCl6edW5Um0fXEBRXy', genres: ['indie'] },
  { name: 'Travis Scott', spotifyId: '0Y5tJX1MQlPlqiwlOH1tJY', genres: ['hip hop'] },
]

export const spotifyUrl = (name: string) => `https://open.spotify.com/artist/${CATALOG.find((a) => a.name === name)!.spotifyId}`

const pictureOf = (color: string) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${color}"/><circle cx="32" cy="26" r="12" fill="#fff" opacity=".85"/><rect x="14" y="42" width="36" height="22" rx="11" fill="#fff" opacity=".85"/></svg>`)}`

/** Adds the catalog to the database (idempotent: an artist already there is left as it is). */
export async function seedCatalog(databaseUrl = e2eDatabaseUrl()): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    for (const artist of CATALOG) {
      await client.query(
        `insert into artists (canonical_name, aliases, genres, spotify_id, musicbrainz_id, image_url)
         values ($1, $2::text[], $3::text[], $4, $5::uuid, $6)
         on conflict (spotify_id) do nothing`,
        [artist.name, artist.aliases ?? [], artist.genres ?? [], artist.spotifyId, artist.musicbrainzId ?? null, artist.imageColor ? pictureOf(artist.imageColor) : null],
      )
    }
  } finally {
    await client.end()
  }
}
