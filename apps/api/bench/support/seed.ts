// The data every HTTP benchmark target reads: a catalog, one user and that user's list.
import { sql } from 'kysely'
import type { Db } from '../../src/db/database.ts'
import { artistName, pick, random, typo } from './catalog.ts'

export const BENCH_USER_ID = '00000000-0000-4000-8000-00000000be0c'
export const BENCH_JWT_SECRET = 'bench-secret-that-is-long-enough-for-hs256-signing'
const TAGS = ['explicit', 'label', 'tour', 'abuse', 'lyrics', 'feature']

export interface SeedSizes {
  artists: number
  entries: number
}

/** Inserts the catalog and the bench user's list; returns a search a person might type. */
export async function seed(db: Db, sizes: SeedSizes): Promise<string> {
  const names = Array.from({ length: sizes.artists }, artistName)
  for (let i = 0; i < names.length; i += 10_000) {
    const chunk = names.slice(i, i + 10_000)
    await sql`insert into artists (canonical_name, aliases) select n, array[lower(n)] from unnest(${sql.val(chunk)}::text[]) as n`.execute(db)
  }
  await db.insertInto('users').values({ id: BENCH_USER_ID, email: 'bench@example.test', password_hash: 'not-a-hash' }).execute()
  const artists = await db.selectFrom('artists').select('id').orderBy('canonical_name').limit(sizes.entries).execute()
  await db
    .insertInto('user_artist_blocks')
    .values(artists.map((a, i) => ({
      user_id: BENCH_USER_ID,
      artist_id: a.id,
      tags: i % 3 === 0 ? [] : [pick(TAGS), pick(TAGS)].filter((t, j, all) => all.indexOf(t) === j),
      note: random() < 0.3 ? 'seen at a festival' : null,
    })))
    .execute()
  await sql`vacuum analyze`.execute(db)
  return typo(names[Math.floor(names.length / 2)]!)
}
