import { sql } from 'kysely'
import type { Provider } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { artistColumns, providerColumn } from './mapping.ts'
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
