import type { Compilable } from 'kysely'
import type { Db } from './database.ts'

/**
 * A hot query compiled once: kysely otherwise builds and compiles its SQL on every execution.
 * `query` is built with placeholder values; each call runs the same SQL with its own parameters,
 * in the order the query took them.
 */
export function precompiled<R>(db: Db, query: Compilable<R>) {
  const compiled = query.compile()
  return async (...parameters: unknown[]): Promise<R[]> => (await db.executeQuery<R>({ ...compiled, parameters })).rows
}
