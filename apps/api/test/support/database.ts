import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import { connectPostgres, openPglite, type DatabaseHandle } from '../../src/db/database.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'

/**
 * A database of the test file's own: a fresh Postgres database named ndith_test_<random> when
 * DATABASE_URL is set (real Postgres), otherwise an in-memory PGlite. Dropped by `drop()`.
 */
export interface TestDatabase extends DatabaseHandle {
  url: string | undefined
  drop(): Promise<void>
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!process.env.DATABASE_URL) {
    const handle = await openPglite(undefined)
    return { ...handle, url: undefined, drop: () => handle.db.destroy() }
  }
  const name = `ndith_test_${randomBytes(6).toString('hex')}`
  await admin((c) => c.query(`CREATE DATABASE ${name}`))
  const url = new URL(process.env.DATABASE_URL)
  url.pathname = `/${name}`
  const handle = connectPostgres(url.toString())
  return {
    ...handle,
    url: url.toString(),
    async drop() {
      await handle.db.destroy()
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
    },
  }
}

/** A test database of its own with every migration applied. */
export async function migratedDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase()
  await migrateToLatest(database.db)
  return database
}

/** For a describe block: a migrated database created before its tests and dropped after them. */
export function useMigratedDatabase(): { readonly database: TestDatabase } {
  const holder = {} as { database: TestDatabase }
  beforeAll(async () => {
    holder.database = await migratedDatabase()
  }, 60_000)
  afterAll(() => holder.database?.drop())
  return holder
}
