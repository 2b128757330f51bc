import pg from 'pg'
import { e2eDatabaseUrl, external } from './environment.ts'

/**
 * Real artists with their real Spotify ids. There is no public endpoint that creates artists (the
 * catalog grows from provider data), so the suite writes these straight into its own database; against
 * an external stack they come from `devenv seed` (tools/devenv/data/artists.json holds every one), which
 * the global setup checks through the API.
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

/**
 * The rest of alice's seeded Do-Not-Play artists in the simulator (it spreads their tracks through her
 * library and her own playlists), so an enforcement plan has playlist items to remove and put back.
 */
export const LIBRARY_ARTISTS: readonly CatalogArtist[] = [
  { name: 'Mariah Carey', spotifyId: '4iHNK0tOyZPYnBU7nGAgpQ' },
  { name: 'Ed Sheeran', spotifyId: '6eUKZXaKkcviH0Ku9w2n3V' },
  { name: 'Justin Bieber', spotifyId: '1uNFoZAHBGtllmzznpCI3s' },
  { name: 'Maroon 5', spotifyId: '04gDigrS5kc9YWfZHwBETP' },
  { name: 'Imagine Dragons', spotifyId: '53XhwfbYqKCa1cC15pYq2q' },
  { name: 'Coldplay', spotifyId: '4gzpq5DPGxSnKTe4SA8HAU' },
  { name: 'Nickelback', spotifyId: '6deZN1bslXzeGvOLaLMOIF' },
  { name: 'Limp Bizkit', spotifyId: '165ZgPlLkK7bf5bDoFc6Sb' },
  { name: 'The Chainsmokers', spotifyId: '69GGBxA162lTqCwzJG5jLp' },
]

/** Every artist some spec searches for. */
export const SUITE_ARTISTS: readonly CatalogArtist[] = [...CATALOG, ...LIBRARY_ARTISTS]

export const spotifyUrl = (name: string) => `https://open.spotify.com/artist/${CATALOG.find((a) => a.name === name)!.spotifyId}`

const pictureOf = (color: string) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${color}"/><circle cx="32" cy="26" r="12" fill="#fff" opacity=".85"/><rect x="14" y="42" width="36" height="22" rx="11" fill="#fff" opacity=".85"/></svg>`)}`

/**
 * Adds the artists to the suite's database (idempotent: an artist already there is left as it is).
 * Against an external stack it writes nothing: that stack's catalog was checked before the run.
 */
export async function seedCatalog(artists: readonly CatalogArtist[] = CATALOG, databaseUrl = e2eDatabaseUrl()): Promise<void> {
  if (external) return
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    for (const artist of artists) {
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
