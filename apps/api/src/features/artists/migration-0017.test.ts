import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts'
import { createMigrator } from '../../db/migrate.ts'

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(() => database.drop())

describe('migration 0017_artist_images', () => {
  it('keeps https and data: pictures, drops the rest, and refuses a picture an <img> should not load', async () => {
    const db = database.db
    const migrator = createMigrator(db)
    expect((await migrator.migrateTo('0016_display_names')).error).toBeUndefined()
    await sql`insert into artists (canonical_name, image_url) values
      ('Secure', 'https://i.scdn.co/image/a'), ('Drawn', 'data:image/svg+xml,%3Csvg%3E'),
      ('Plain', 'http://i.scdn.co/image/b'), ('Script', 'javascript:alert(1)'), ('None', null)`.execute(db)

    expect((await migrator.migrateTo('0017_artist_images')).error).toBeUndefined()
    const rows = await sql<{ canonical_name: string; image_url: string | null }>`select canonical_name, image_url from artists order by canonical_name`.execute(db)
    expect(rows.rows).toEqual([
      { canonical_name: 'Drawn', image_url: 'data:image/svg+xml,%3Csvg%3E' },
      { canonical_name: 'None', image_url: null },
      { canonical_name: 'Plain', image_url: null },
      { canonical_name: 'Script', image_url: null },
      { canonical_name: 'Secure', image_url: 'https://i.scdn.co/image/a' },
    ])
    await expect(sql`update artists set image_url = 'http://x.example/a.jpg' where canonical_name = 'Secure'`.execute(db)).rejects.toMatchObject({ code: '23514' })

    expect((await migrator.migrateDown()).error).toBeUndefined()
    await sql`update artists set image_url = 'http://x.example/a.jpg' where canonical_name = 'Secure'`.execute(db)
  })
})
