import { sql, type Kysely } from 'kysely'

/** Runs DDL statements one by one (drivers reject several statements in one parameterised query). */
export async function runSql(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
