import type { SqlClient } from './client.ts'

/**
 * Empties the database: ends every other session on it (the API's pool reconnects by itself),
 * then drops and recreates the public schema with everything in it, migration history included.
 */
export async function dropSchema(db: SqlClient): Promise<{ terminated: number }> {
  let terminated = 0
  if (db.kind === 'postgres') {
    const { rows } = await db.query<{ pid: number }>(
      `select pid from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
    )
    for (const { pid } of rows) {
      const ended = await db.query<{ ok: boolean }>('select pg_terminate_backend($1) as ok', [pid])
      if (ended.rows[0]?.ok) terminated++
    }
  }
  await db.query('drop schema if exists public cascade')
  await db.query('create schema public')
  return { terminated }
}

const localHosts = new Set(['127.0.0.1', 'localhost', '::1', '[::1]'])

/** reset refuses remote hosts unless asked: a wrong DATABASE_URL must not empty someone's database. */
export function isLocalDatabase(url: string): boolean {
  return localHosts.has(new URL(url).hostname)
}
