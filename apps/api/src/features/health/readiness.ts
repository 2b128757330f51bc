import type { FastifyBaseLogger } from 'fastify'
import { sql } from 'kysely'
import type { ReadinessCheck } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { isAtLatest, schemaStatus } from '../../db/migrate.ts'
import type { Store } from '../../store/store.ts'

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())])

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error))

// /ready answers anyone: a failed check says what failed and the fix, never the host, port or the
// driver's message (those go to the log for the operator).
async function checkDatabase(db: Db, log: FastifyBaseLogger): Promise<ReadinessCheck[]> {
  try {
    await within(2000, sql`select 1`.execute(db))
  } catch (error) {
    log.warn({ reason: reason(error) }, 'readiness: postgres does not answer')
    return [
      { name: 'postgres', ok: false, message: 'postgres does not answer: check DATABASE_URL and that Postgres is running' },
      { name: 'schema', ok: false, message: 'not checked: postgres is unreachable' },
    ]
  }
  const status = await within(2000, schemaStatus(db))
  const problems = [
    ...status.missingTables.map((t) => `table ${t} missing`),
    ...(status.pending.length ? [`${status.pending.length} pending migration(s): ${status.pending.join(', ')}`] : []),
  ]
  if (status.unknown.length) problems.push(`database has migrations this build does not know (${status.unknown.join(', ')}): deploy the newer API`)
  const schema: ReadinessCheck = isAtLatest(status) && problems.length === 0
    ? { name: 'schema', ok: true }
    : { name: 'schema', ok: false, message: `${problems.join('; ')}: run migrations (npm run migrate)` }
  return [{ name: 'postgres', ok: true }, schema]
}

async function checkStore(store: Store, log: FastifyBaseLogger): Promise<ReadinessCheck> {
  if (store.kind === 'memory') return { name: 'redis', ok: true, message: 'not configured: using the in-process store' }
  try {
    await within(2000, store.ping())
    return { name: 'redis', ok: true }
  } catch (error) {
    log.warn({ reason: reason(error) }, 'readiness: redis does not answer')
    return { name: 'redis', ok: false, message: 'redis does not answer: check REDIS_URL and that Redis is running' }
  }
}

/** Readiness: Postgres answers, the schema is complete and current, Redis answers (when configured). */
export async function readiness(db: Db, store: Store, log: FastifyBaseLogger): Promise<ReadinessCheck[]> {
  const [database, redis] = await Promise.all([checkDatabase(db, log), checkStore(store, log)])
  return [...database, redis]
}
