import { createInterface } from 'node:readline/promises'
import { openDatabase } from '../db/client.ts'
import { assertEmbeddedDatabaseFree } from '../db/embedded-guard.ts'
import { runMigrations } from '../db/migrate.ts'
import { dropSchema, isLocalDatabase } from '../db/reset.ts'
import { DevenvError } from '../lib/errors.ts'
import { loadSeedData } from '../seed/data.ts'
import { seed } from '../seed/seed.ts'
import { stackOptionsHelp } from '../stack/options.ts'
import { printSummary } from './seed.ts'
import { parseTargetArgs } from './target-args.ts'

export const help = `Usage: devenv reset [--yes] [--seed] [--allow-remote] [stack options]

Ends every other session on the database, drops and recreates the schema (all data and the
migration history), then runs the migrations again. --seed loads the development data afterwards.
Asks for confirmation on a terminal; elsewhere (Tilt, scripts) it needs --yes. Refuses a database
that is not on this machine unless --allow-remote is given.

${stackOptionsHelp}`

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout })
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim())
  } finally {
    rl.close()
  }
}

export async function run(argv: string[]): Promise<number> {
  const { values, target } = parseTargetArgs(argv, {
    yes: { type: 'boolean', default: false },
    seed: { type: 'boolean', default: false },
    'allow-remote': { type: 'boolean', default: false },
  })
  const { database } = target
  if (database.kind === 'postgres' && !isLocalDatabase(database.url) && !values['allow-remote']) {
    throw new DevenvError(`refusing to reset ${new URL(database.url).hostname}: it is not a database on this machine`, 'check DATABASE_URL / --database-url, or pass --allow-remote if you mean it')
  }
  await assertEmbeddedDatabaseFree(target)
  const db = await openDatabase(database)
  try {
    if (!values.yes) {
      if (!process.stdin.isTTY) throw new DevenvError(`reset deletes every row in ${db.describe}`, 'pass --yes to confirm')
      if (!(await confirm(`Delete every row in ${db.describe} and rebuild the schema?`))) {
        console.log('Nothing changed.')
        return 1
      }
    }
    const { terminated } = await dropSchema(db)
    console.log(`Dropped the schema of ${db.describe}${terminated ? ` (ended ${terminated} other session(s))` : ''}.`)
  } finally {
    await db.close()
  }
  const code = await runMigrations(target)
  if (code !== 0) throw new DevenvError('the migrations failed after the reset (see above)', 'fix the migration, then: devenv migrate')
  if (values.seed) {
    const data = loadSeedData()
    const started = performance.now()
    const again = await openDatabase(database)
    try {
      printSummary(await seed(again, data), data.fixtures.password, data.fixtures.users.map((u) => u.email), (performance.now() - started) / 1000)
    } finally {
      await again.close()
    }
  }
  return 0
}
