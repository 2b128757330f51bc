import { sql } from 'kysely'
import type { FastifyBaseLogger } from 'fastify'
import type { Config } from './config.ts'
import { connectPostgres, openPglite, type DatabaseHandle } from './db/database.ts'
import { describeDatabaseError } from './db/errors.ts'
import { migrateToLatest } from './db/migrate.ts'
import { withRetry } from './lib/retry.ts'
import { memoryStore, redisStore, type Store } from './store/store.ts'

const backoff = (log: FastifyBaseLogger, what: string) => ({
  attempts: 30,
  initialDelayMs: 500,
  maxDelayMs: 10_000,
  onRetry: (attempt: number, error: unknown, delayMs: number) =>
    log.warn({ attempt, retryInMs: delayMs, reason: error instanceof Error ? error.message : String(error) }, `${what} not reachable yet; retrying`),
})

/**
 * Every pooled client reports the same outage; one line per distinct error and second is enough
 * (the pool logs code and message only, never the client object with its connection details).
 */
function oncePerBurst(log: (error: Error) => void) {
  let last = ''
  let at = 0
  return (error: Error) => {
    const key = `${(error as { code?: string }).code}:${error.message}`
    const now = Date.now()
    if (key === last && now - at < 1000) return
    last = key
    at = now
    log(error)
  }
}

/** Opens Postgres (or PGlite) and Redis (or the in-process store), waiting for each with backoff. */
export async function openInfrastructure(config: Config, log: FastifyBaseLogger): Promise<{ database: DatabaseHandle; store: Store }> {
  const database = config.databaseUrl
    ? connectPostgres(config.databaseUrl, {
        statementTimeoutMillis: config.databaseStatementTimeoutMs,
        onPoolError: oncePerBurst((err) => log.warn(describeDatabaseError(err), 'postgres connection lost; the pool will reconnect')),
      })
    : await openPglite(config.dataDir)
  await withRetry(() => sql`select 1`.execute(database.db), backoff(log, 'postgres'))
  log.info(`database: ${database.describe}`)

  if (config.migrateOnStart) {
    const results = await migrateToLatest(database.db)
    for (const r of results) log.info(`migration ${r.migrationName}: ${r.status}`)
  }

  let lastRedisError = ''
  const store = config.redisUrl
    ? redisStore(config.redisUrl, {
        onError: (err) => {
          // ioredis reports every reconnect attempt; log each distinct failure once.
          if (err.message !== lastRedisError) log.warn({ reason: err.message }, 'redis connection problem; reconnecting')
          lastRedisError = err.message
        },
      })
    : memoryStore()
  await withRetry(() => store.ping(), backoff(log, 'redis'))
  lastRedisError = ''
  log.info(`store: ${store.describe}`)

  if (database.kind === 'pglite' || store.kind === 'memory') {
    log.info(
      'embedded mode (fine for trying the app; one process only). ' +
        'To use real services set DATABASE_URL=postgres://postgres@127.0.0.1:5432/ndith, REDIS_URL=redis://127.0.0.1:6379 and JWT_SECRET, then run `npm run migrate`.',
    )
  }
  return { database, store }
}
