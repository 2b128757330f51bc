import type { SqlClient } from '../db/client.ts'
import { progress } from '../lib/output.ts'
import type { SeedArtist } from './data.ts'

export interface Tally {
  created: number
  existing: number
}

/**
 * Finds the catalog row for a seed artist: by Spotify ID, then MusicBrainz ID, then by name among
 * rows whose provider IDs do not contradict the seed's (so a namesake is never merged).
 */
async function findArtist(db: SqlClient, a: SeedArtist): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `select id from artists
      where ($1::text is not null and spotify_id = $1)
         or ($2::uuid is not null and musicbrainz_id = $2)
         or (lower(canonical_name) = lower($3)
             and (spotify_id is null or $1::text is null)
             and (musicbrainz_id is null or $2::uuid is null))
      order by (spotify_id is not distinct from $1) desc, (musicbrainz_id is not distinct from $2::uuid) desc
      limit 1`,
    [a.spotifyId, a.musicbrainzId, a.name],
  )
  return rows[0]?.id
}

/**
 * Adds missing artists and fills in what the catalog lacks (provider IDs, new aliases appended in
 * order, genres when there are none), so a second run changes nothing. Returns name → id.
 */
export async function seedArtists(db: SqlClient, artists: SeedArtist[], tally: Tally): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  const bar = progress('artists', artists.length)
  for (const [index, a] of artists.entries()) {
    const existing = await findArtist(db, a)
    if (existing) {
      await db.query(
        `update artists set
           spotify_id = coalesce(spotify_id, $2), musicbrainz_id = coalesce(musicbrainz_id, $3::uuid),
           aliases = aliases || array(select x from unnest($4::text[]) x where x <> all(aliases)),
           genres = case when cardinality(genres) = 0 then $5::text[] else genres end
         where id = $1`,
        [existing, a.spotifyId, a.musicbrainzId, a.aliases, a.genres],
      )
      ids.set(a.name, existing)
      tally.existing++
    } else {
      const { rows } = await db.query<{ id: string }>(
        `insert into artists (canonical_name, aliases, genres, spotify_id, musicbrainz_id)
         values ($1, $2::text[], $3::text[], $4, $5::uuid) returning id`,
        [a.name, a.aliases, a.genres, a.spotifyId, a.musicbrainzId],
      )
      ids.set(a.name, rows[0]!.id)
      tally.created++
    }
    if (index % 25 === 24) bar.update(index + 1)
  }
  bar.done()
  return ids
}
