import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { migrations, requiredTables } from '@ndith/migrations'
import { createTestDatabase, type TestDatabase } from '../../test/support/database.ts'
import { createMigrator, isAtLatest, migrateToLatest, schemaStatus } from './migrate.ts'

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(() => database.drop())

const tables = async () =>
  (await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = current_schema() and table_name <> 'kysely_migration' and table_name <> 'kysely_migration_lock' order by 1`.execute(database.db)).rows.map((r) => r.table_name)

describe('migrations', () => {
  it('run up → down → up, leaving the full schema each time it goes up', async () => {
    await migrateToLatest(database.db)
    const afterUp = await tables()
    expect(afterUp).toEqual(expect.arrayContaining([...requiredTables]))
    expect(isAtLatest(await schemaStatus(database.db))).toBe(true)

    const migrator = createMigrator(database.db)
    for (let i = 0; i < Object.keys(migrations).length; i++) {
      const { error } = await migrator.migrateDown()
      expect(error).toBeUndefined()
    }
    expect(await tables()).toEqual([])
    expect((await schemaStatus(database.db)).pending).toHaveLength(Object.keys(migrations).length)

    await migrateToLatest(database.db)
    expect(await tables()).toEqual(afterUp)
  })

  it('enforce the rules the product relies on', async () => {
    const db = database.db
    const user = await sql<{ id: string }>`insert into users (email, password_hash) values ('A@x.io', 'h') returning id`.execute(db)
    await expect(sql`insert into users (email, password_hash) values ('a@X.io', 'h')`.execute(db)).rejects.toMatchObject({ code: '23505' })

    const artist = await sql<{ id: string }>`insert into artists (canonical_name, spotify_id) values ('Artist', 'sp1') returning id`.execute(db)
    await expect(sql`insert into artists (canonical_name, spotify_id) values ('Other', 'sp1')`.execute(db)).rejects.toMatchObject({ code: '23505' })

    const userId = user.rows[0]!.id
    const artistId = artist.rows[0]!.id
    await sql`insert into user_artist_blocks (user_id, artist_id, tags) values (${userId}, ${artistId}, ${sql.val(['a'])})`.execute(db)
    await expect(sql`insert into user_artist_blocks (user_id, artist_id) values (${userId}, ${artistId})`.execute(db)).rejects.toMatchObject({ code: '23505' })
    // A blocked artist cannot vanish from the catalog; deleting the user takes their list with them.
    await expect(sql`delete from artists where id = ${artistId}`.execute(db)).rejects.toMatchObject({ code: '23503' })
    await sql`delete from users where id = ${userId}`.execute(db)
    expect((await sql`select 1 from user_artist_blocks`.execute(db)).rows).toHaveLength(0)
  })

  it('make published community list versions immutable', async () => {
    const db = database.db
    const list = await sql<{ id: string }>`insert into community_lists (name, criteria) values ('L', 'c') returning id`.execute(db)
    const listId = list.rows[0]!.id
    await sql`insert into community_list_versions (list_id, version, item_count) values (${listId}, 1, 0)`.execute(db)
    await expect(sql`update community_list_versions set item_count = 5 where list_id = ${listId}`.execute(db)).rejects.toThrow(/immutable/)
  })

  it('use the trigram index for fuzzy artist search', async () => {
    const db = database.db
    await sql`insert into artists (canonical_name) values ('Kanye West'), ('Kenny West'), ('Drake')`.execute(db)
    const found = await sql<{ canonical_name: string }>`
      select canonical_name from artists where lower(canonical_name) % 'kanye wst'
      order by similarity(lower(canonical_name), 'kanye wst') desc`.execute(db)
    expect(found.rows[0]?.canonical_name).toBe('Kanye West')
  })
})
