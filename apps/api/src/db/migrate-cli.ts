import { sql } from 'kysely'
import { latestMigration } from '@ndith/migrations'
import { ConfigError, loadDatabaseConfig } from '../config.ts'
import { connectPostgres, openPglite, type DatabaseHandle } from './database.ts'
import { isAtLatest, migrateToLatest, schemaStatus } from './migrate.ts'

// `npm run migrate [-- --dry-run | --wait]`
//   (no flag)  apply pending migrations, printing each
//   --dry-run  list pending migrations, apply nothing
//   --wait     poll until the schema is at the latest migration (an init container's job);
//              gives up after MIGRATE_WAIT_TIMEOUT seconds (default 300)

const args = new Set(process.argv.slice(2))
const mode = args.has('--wait') ? 'wait' : args.has('--dry-run') ? 'dry-run' : 'apply'
const unknownArgs = [...args].filter((a) => !['--wait', '--dry-run'].includes(a))

function fail(message: string): never {
  console.error(`migrate: ${message}`)
  process.exit(1)
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error))

async function open(): Promise<DatabaseHandle> {
  try {
    const config = loadDatabaseConfig()
    return config.databaseUrl ? connectPostgres(config.databaseUrl) : await openPglite(config.dataDir)
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message)
    throw error
  }
}

async function apply(handle: DatabaseHandle) {
  const before = await schemaStatus(handle.db)
  if (before.pending.length === 0) return console.log(`Schema is up to date (${latestMigration}) on ${handle.describe}.`)
  console.log(`Applying ${before.pending.length} migration(s) to ${handle.describe}:`)
  try {
    for (const r of await migrateToLatest(handle.db)) console.log(`  ✓ ${r.migrationName}`)
  } catch (error) {
    fail(`${reason(error)}\nNothing after it was applied; fix the cause (see the message above) and run \`npm run migrate\` again.`)
  }
  console.log(`Done: schema is at ${latestMigration}.`)
}

async function dryRun(handle: DatabaseHandle) {
  const status = await schemaStatus(handle.db)
  if (status.pending.length === 0) return console.log(`Nothing pending on ${handle.describe}; schema is at ${latestMigration}.`)
  console.log(`${status.pending.length} pending migration(s) on ${handle.describe} (not applied):`)
  for (const name of status.pending) console.log(`  • ${name}`)
}

async function wait(handle: DatabaseHandle) {
  const timeoutSeconds = Number(process.env.MIGRATE_WAIT_TIMEOUT ?? 300)
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds < 0) fail('MIGRATE_WAIT_TIMEOUT must be a number of seconds')
  const deadline = Date.now() + timeoutSeconds * 1000
  let last = ''
  for (;;) {
    let state: string
    try {
      const status = await schemaStatus(handle.db)
      if (isAtLatest(status)) return console.log(`Schema is at ${latestMigration}; continuing.`)
      state = `waiting for migrations: ${status.pending.length} pending (${status.pending.join(', ')})`
    } catch (error) {
      state = `waiting for the database: ${reason(error)}`
    }
    if (state !== last) console.log(state)
    last = state
    if (Date.now() >= deadline) {
      fail(`schema not at ${latestMigration} after ${timeoutSeconds}s (${state}). Check the migration Job's log (kubectl logs job/migrate) or run \`npm run migrate\`.`)
    }
    await sleep(2000)
  }
}

if (unknownArgs.length) fail(`unknown option ${unknownArgs.join(' ')}; use --dry-run or --wait`)
const handle = await open()
try {
  if (mode !== 'wait') await sql`select 1`.execute(handle.db).catch((error) => fail(`cannot reach ${handle.describe}: ${reason(error)}. Is the database running and DATABASE_URL right?`))
  await { apply, 'dry-run': dryRun, wait }[mode](handle)
} finally {
  await handle.db.destroy()
}
