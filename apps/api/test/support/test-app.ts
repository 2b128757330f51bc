import { randomBytes } from 'node:crypto'
import { buildApp, type AppConfig } from '../../src/app.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import type { ArtistProviders } from '../../src/features/artists/providers.ts'
import { bullmqRunner } from '../../src/jobs/bullmq-runner.ts'
import { inProcessRunner } from '../../src/jobs/in-process-runner.ts'
import type { JobRunner } from '../../src/jobs/runner.ts'
import { memoryStore, redisStore, type Store } from '../../src/store/store.ts'
import { createTestDatabase, type TestDatabase } from './database.ts'

export const generousLimit = { points: 10_000, durationSeconds: 60 }

export const testConfig: AppConfig = {
  jwtSecret: 'test-secret-that-is-long-enough-for-hs256-signing',
  corsAllowedOrigins: ['http://localhost:5000'],
  cookieSecure: false,
  trustProxy: false,
  accessTokenTtlSeconds: 900,
  refreshTokenTtlSeconds: 30 * 86400,
  rateLimits: {
    registerPerIp: generousLimit,
    registerPerEmail: generousLimit,
    loginPerIp: generousLimit,
    loginFailuresPerAccount: generousLimit,
  },
  // No provider is offered unless a test points `simulator` at a simulator it started.
  connections: { tokenEncryptionKeys: [{ id: 'test', key: randomBytes(32) }], appUrl: 'http://localhost:5000', spotify: undefined, simulator: undefined },
}

/** Redis (with a key prefix of the test's own) when REDIS_URL is set, the in-process store otherwise. */
export function createTestStore(): Store {
  return process.env.REDIS_URL
    ? redisStore(process.env.REDIS_URL, { keyPrefix: `ndith-test:${randomBytes(6).toString('hex')}:` })
    : memoryStore()
}

/** BullMQ on Redis (queues of the test's own) when REDIS_URL is set, the in-process runner otherwise. */
export function createTestJobs(): JobRunner {
  return process.env.REDIS_URL ? bullmqRunner(process.env.REDIS_URL, { prefix: `ndith-test-${randomBytes(6).toString('hex')}` }) : inProcessRunner()
}

export interface TestAppOptions {
  config?: Partial<AppConfig>
  clock?: () => Date
  providers?: ArtistProviders
  /** Leave the schema empty (for readiness tests). */
  migrate?: boolean
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>

/** The whole app on a database and store of its own, ready for `app.inject`. */
export async function createTestApp(options: TestAppOptions = {}) {
  const database: TestDatabase = await createTestDatabase()
  if (options.migrate !== false) await migrateToLatest(database.db)
  const store = createTestStore()
  // As the server does at start: connected before the first request (it fails fast while not ready).
  await store.ping()
  const jobs = createTestJobs()
  const app = await buildApp({
    db: database.db,
    store,
    jobs,
    config: { ...testConfig, ...options.config },
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.providers ? { providers: options.providers } : {}),
  })
  return {
    app,
    db: database.db,
    database,
    store,
    jobs,
    async close() {
      await app.close()
      await jobs.close()
      await store.close()
      await database.drop()
    },
  }
}
