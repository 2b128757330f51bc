import { sql } from 'kysely'
import { PROVIDERS, parseProviderUrl, type Provider } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { artistColumns, providerColumn, type ArtistColumns } from './mapping.ts'
import type { ProviderArtist } from './providers.ts'

export const findArtistById = (db: Db, id: string) => db.selectFrom('artists').select(artistColumns).where('id', '=', id).executeTakeFirst()

export const findArtistByProviderId = (db: Db, provider: Provider, id: string) =>
  db.selectFrom('artists').select(artistColumns).where(providerColumn[provider], '=', id).executeTakeFirst()

/**
 * Creates the artist or refreshes it from provider data. ON CONFLICT on the provider's unique
 * column makes concurrent upserts of one provider id converge on a single row.
 */
export function upsertProviderArtist(db: Db, artist: ProviderArtist) {
  const column = providerColumn[artist.provider]
  return db
    .insertInto('artists')
    .values({ canonical_name: artist.name, image_url: artist.imageUrl ?? null, genres: artist.genres ?? [], [column]: artist.id })
    .onConflict((oc) =>
      oc.column(column).doUpdateSet({
        canonical_name: artist.name,
        image_url: sql`coalesce(excluded.image_url, artists.image_url)`,
        genres: sql`case when cardinality(excluded.genres) > 0 then excluded.genres else artists.genres end`,
        updated_at: new Date(),
      }),
    )
    .returning(artistColumns)
    .executeTakeFirstOrThrow()
}

// Set-based lookups for matching many names or links at once (imports): a few queries for the
// whole file, however many rows, so a 5,000-row import is matched in one request.

/** provider → (provider id → artist), for every parseable URL among the rows. */
export async function artistsByUrl(db: Db, urls: string[]): Promise<Map<string, ArtistColumns>> {
  const wanted = new Map<Provider, Set<string>>()
  for (const url of urls) {
    const ref = parseProviderUrl(url)
    if (ref) wanted.set(ref.provider, (wanted.get(ref.provider) ?? new Set()).add(ref.id))
  }
  const found = new Map<string, ArtistColumns>()
  for (const provider of PROVIDERS) {
    const ids = [...(wanted.get(provider) ?? [])]
    if (ids.length === 0) continue
    const column = providerColumn[provider]
    const rows = await db.selectFrom('artists').select(artistColumns).where(column, 'in', ids).execute()
    for (const row of rows) found.set(`${provider}:${row[column]}`, row)
  }
  return found
}

/** lower(name) → artists whose name or one of whose aliases is exactly that name. */
export async function artistsByExactName(db: Db, names: string[]): Promise<Map<string, ArtistColumns[]>> {
  const result = new Map<string, ArtistColumns[]>()
  if (names.length === 0) return result
  const lowered = [...new Set(names.map((n) => n.toLowerCase()))]
  const rows = await db
    .selectFrom('artists')
    .select(artistColumns)
    .select(sql<string[]>`array_append(array(select lower(a) from unnest(artists.aliases) a), lower(artists.canonical_name))`.as('keys'))
    .where((eb) => eb.or([eb(sql`lower(canonical_name)`, 'in', lowered), eb('aliases', '&&', sql<string[]>`${sql.val([...new Set(names)])}::text[]`)]))
    .execute()
  const wanted = new Set(lowered)
  for (const row of rows) {
    for (const key of new Set(row.keys)) {
      if (wanted.has(key)) result.set(key, [...(result.get(key) ?? []), row])
    }
  }
  return result
}

/** lower(name) → up to five fuzzy candidates, best first (one query with a lateral join). */
export async function fuzzyCandidates(db: Db, names: string[]): Promise<Map<string, ArtistColumns[]>> {
  const result = new Map<string, ArtistColumns[]>()
  const lowered = [...new Set(names.map((n) => n.toLowerCase()))]
  if (lowered.length === 0) return result
  const rows = await db.transaction().execute(async (trx) => {
    // Looser than search: a file's spelling may be far off, and the user picks from candidates anyway.
    await sql`select set_config('pg_trgm.word_similarity_threshold', '0.3', true)`.execute(trx)
    return (
      await sql<ArtistColumns & { query: string }>`
        select n.query, a.* from unnest(${sql.val(lowered)}::text[]) as n(query)
        cross join lateral (
          select id, canonical_name, aliases, image_url, genres, spotify_id, apple_music_id, youtube_music_id, tidal_id, musicbrainz_id
          from artists where n.query <% search_text
          order by word_similarity(n.query, search_text) desc, canonical_name limit 5
        ) a`.execute(trx)
    ).rows
  })
  for (const { query, ...artist } of rows) result.set(query, [...(result.get(query) ?? []), artist])
  return result
}
