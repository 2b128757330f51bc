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

  it('0009 gives existing snapshot items the time each artist joined the list', async () => {
    const db = database.db
    // Back to just before 0009 (not "one down": later migrations exist).
    expect((await createMigrator(db).migrateTo('0008_catalog_search_imports_reports')).error).toBeUndefined()
    const artists = await sql<{ id: string }>`insert into artists (canonical_name) values ('Kept'), ('Re-added') returning id`.execute(db)
    const [kept, readded] = artists.rows.map((r) => r.id) as [string, string]
    const listId = (await sql<{ id: string }>`insert into community_lists (name, criteria) values ('Backfill', 'c') returning id`.execute(db)).rows[0]!.id
    // Re-added to the draft after version 1 was published: the draft's time is too late for v1.
    await sql`insert into community_list_items (list_id, artist_id, rationale, added_at)
      values (${listId}, ${kept}, 'r', '2026-01-01T00:00Z'), (${listId}, ${readded}, 'r', '2026-03-01T00:00Z')`.execute(db)
    const v1 = (await sql<{ id: string }>`insert into community_list_versions (list_id, version, item_count, published_at)
      values (${listId}, 1, 2, '2026-02-01T00:00Z') returning id`.execute(db)).rows[0]!.id
    await sql`insert into community_list_version_items (version_id, artist_id, rationale) values (${v1}, ${kept}, 'r'), (${v1}, ${readded}, 'r')`.execute(db)

    await migrateToLatest(db)

    const rows = await sql<{ artist_id: string; added_at: Date }>`select artist_id, added_at from community_list_version_items where version_id = ${v1}`.execute(db)
    const addedAt = new Map(rows.rows.map((r) => [r.artist_id, r.added_at.toISOString()]))
    expect(addedAt.get(kept)).toBe('2026-01-01T00:00:00.000Z')
    expect(addedAt.get(readded)).toBe('2026-02-01T00:00:00.000Z')
    await expect(sql`update community_list_version_items set rationale = 'x' where version_id = ${v1}`.execute(db)).rejects.toThrow(/immutable/)
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
