import pg from 'pg'

/** Drops and recreates the suite's database, so every run starts from an empty schema. */
export async function recreateDatabase(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl)
  const name = decodeURIComponent(target.pathname.slice(1))
  // This drops the database: never let a mistyped URL point it at one that holds real data.
  if (!/^[a-z0-9_]*e2e[a-z0-9_]*$/.test(name)) {
    throw new Error(`Refusing to recreate database "${name}": the e2e database needs a plain lower-case name containing "e2e"`)
  }
  const admin = new URL(databaseUrl)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  try {
    await client.connect()
  } catch (error) {
    throw new Error(
      `Cannot connect to PostgreSQL at ${admin.host} (${(error as Error).message}). Start it, or point DATABASE_URL / E2E_DATABASE_URL at one.`,
      { cause: error },
    )
  }
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${name}"`)
  } finally {
    await client.end()
  }
}
