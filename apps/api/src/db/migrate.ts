import { sql } from 'kysely'
import { Migrator, type MigrationResultSet } from 'kysely/migration'
import type { Db } from './database.ts'
import { latestMigration, migrationProvider, migrations, requiredTables } from '@ndith/migrations'

export function createMigrator(db: Db): Migrator {
  return new Migrator({ db, provider: migrationProvider })
}

export interface SchemaStatus {
  applied: string[]
  pending: string[]
  missingTables: string[]
  /** Applied migrations this build does not know (the database is newer than the code). */
  unknown: string[]
}

export async function schemaStatus(db: Db): Promise<SchemaStatus> {
  const migrator = createMigrator(db)
  const infos = await migrator.getMigrations()
  const known = new Set(Object.keys(migrations))
  const applied = infos.filter((m) => m.executedAt).map((m) => m.name)
  const pending = infos.filter((m) => !m.executedAt).map((m) => m.name)
  const appliedRows = await sql<{ name: string }>`
    select name from kysely_migration`.execute(db).catch(() => ({ rows: [] as { name: string }[] }))
  const unknown = appliedRows.rows.map((r) => r.name).filter((n) => !known.has(n))
  const present = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_name = any(${sql.val([...requiredTables])})`.execute(db)
  const presentNames = new Set(present.rows.map((r) => r.table_name))
  return { applied, pending, unknown, missingTables: requiredTables.filter((t) => !presentNames.has(t)) }
}

export function isAtLatest(status: SchemaStatus): boolean {
  return status.pending.length === 0 && status.missingTables.length === 0 && status.applied.at(-1) === latestMigration
}

/** Applies pending migrations; throws with the failing migration's name and the database's message. */
export async function migrateToLatest(db: Db): Promise<NonNullable<MigrationResultSet['results']>> {
  const { error, results } = await createMigrator(db).migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(failed ? `migration ${failed} failed: ${reason}` : `migrations failed: ${reason}`, { cause: error })
  }
  return results ?? []
}
