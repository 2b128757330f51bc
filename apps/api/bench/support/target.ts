// A benchmark target in a process of its own (the load generator runs in the parent):
//   tsx bench/support/target.ts floor|api|embedded
// Prints `listening <port>` once ready. `api` is buildApp as server.ts builds it (Postgres, Redis,
// a pino logger at BENCH_LOG_LEVEL, default warn); `embedded` is the same app on PGlite and the
// in-process store, seeded here; `floor` is floor.ts.
import pino from 'pino'
import type { AddressInfo } from 'node:net'
import { buildApp } from '../../src/app.ts'
import { loggerOptions } from '../../src/logger.ts'
import { connectPostgres, openPglite } from '../../src/db/database.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import { memoryStore, redisStore } from '../../src/store/store.ts'
import { testConfig } from '../../test/support/test-app.ts'
import { startFloor } from './floor.ts'
import { BENCH_JWT_SECRET, seed } from './seed.ts'

const mode = process.argv[2]
const config = { ...testConfig, jwtSecret: BENCH_JWT_SECRET }
const logger = () => pino(loggerOptions(process.env.BENCH_LOG_LEVEL ?? 'warn', 'json'), pino.destination(2))

async function start() {
  if (mode === 'floor') return startFloor(process.env.DATABASE_URL!, BENCH_JWT_SECRET)
  if (mode === 'api') {
    const database = connectPostgres(process.env.DATABASE_URL!)
    const store = process.env.REDIS_URL ? redisStore(process.env.REDIS_URL, { keyPrefix: 'ndith-bench:' }) : memoryStore()
    return buildApp({ db: database.db, store, config, logger: logger() })
  }
  if (mode === 'embedded') {
    const database = await openPglite(undefined)
    await migrateToLatest(database.db)
    await seed(database.db, { artists: Number(process.env.BENCH_ARTISTS), entries: Number(process.env.BENCH_ENTRIES) })
    return buildApp({ db: database.db, store: memoryStore(), config, logger: logger() })
  }
  throw new Error(`unknown target ${mode}`)
}

const app = await start()
await app.listen({ port: 0, host: '127.0.0.1' })
console.log(`listening ${(app.server.address() as AddressInfo).port}`)
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)))
