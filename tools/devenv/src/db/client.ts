import { mkdirSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { DevenvError, reason } from '../lib/errors.ts'
import type { DatabaseTarget } from '../stack/target.ts'

/** The little devenv needs from a database: parameterised queries, on Postgres or PGlite alike. */
export interface SqlClient {
  kind: 'postgres' | 'pglite'
  /** Where it points, without credentials. */
  describe: string
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>
  close(): Promise<void>
}

export function describeUrl(url: string): string {
  const u = new URL(url)
  return `postgres://${u.hostname}:${u.port || 5432}${u.pathname}`
}

async function openPostgres(url: string): Promise<SqlClient> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  // A server that goes away mid-session emits 'error'; the failing query reports it.
  client.on('error', () => {})
  try {
    await client.connect()
  } catch (error) {
    throw new DevenvError(
      `cannot connect to ${describeUrl(url)}: ${reason(error)}`,
      'is Postgres running (for the Tilt stack: is `tilt up` running, with the same --offset/--namespace)? Check DATABASE_URL / --database-url.',
    )
  }
  return {
    kind: 'postgres',
    describe: describeUrl(url),
    query: async <Row>(text: string, params?: unknown[]) => ({ rows: (await client.query(text, params)).rows as Row[] }),
    close: () => client.end(),
  }
}

/** Where the API keeps its embedded database inside DATA_DIR (apps/api/src/db/database.ts). */
export const pgliteDir = (dataDir: string) => path.join(dataDir, 'pglite')

async function openPglite(dataDir: string): Promise<SqlClient> {
  const [{ PGlite }, { pg_trgm }] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite/contrib/pg_trgm')])
  const dir = pgliteDir(dataDir)
  // PGlite creates its own directory but not missing parents (a fresh DATA_DIR).
  mkdirSync(dataDir, { recursive: true })
  const db = await PGlite.create({ dataDir: dir, extensions: { pg_trgm } })
  return {
    kind: 'pglite',
    describe: `embedded PGlite in ${dir}`,
    query: async <Row>(text: string, params?: unknown[]) => ({ rows: (await db.query<Row>(text, params)).rows }),
    close: () => db.close(),
  }
}

export function openDatabase(target: DatabaseTarget): Promise<SqlClient> {
  return target.kind === 'postgres' ? openPostgres(target.url) : openPglite(target.dataDir)
}

/** Runs `work` in one transaction: all of it or none of it. */
export async function transaction<T>(db: SqlClient, work: () => Promise<T>): Promise<T> {
  await db.query('begin')
  try {
    const result = await work()
    await db.query('commit')
    return result
  } catch (error) {
    await db.query('rollback').catch(() => {})
    throw error
  }
}
