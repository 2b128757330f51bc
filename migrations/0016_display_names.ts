import type { Kysely } from 'kysely'
import { runSql } from './run-sql.ts'

// A curator's chosen name, shown on their community lists instead of "Listener 6a6cfc". Optional:
// without one the generated name stays.
export async function up(db: Kysely<any>): Promise<void> {
  await runSql(db, [`ALTER TABLE users ADD COLUMN display_name text CHECK (display_name IS NULL OR length(display_name) BETWEEN 1 AND 50)`])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runSql(db, [`ALTER TABLE users DROP COLUMN display_name`])
}
