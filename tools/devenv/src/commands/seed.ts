import { existsSync } from 'node:fs'
import { openDatabase, pgliteDir } from '../db/client.ts'
import { runMigrations } from '../db/migrate.ts'
import { assertEmbeddedDatabaseFree } from '../db/embedded-guard.ts'
import { table } from '../lib/output.ts'
import { loadSeedData } from '../seed/data.ts'
import { seed, type SeedSummary } from '../seed/seed.ts'
import { stackOptionsHelp } from '../stack/options.ts'
import { parseTargetArgs } from './target-args.ts'

export const help = `Usage: devenv seed [--first-run] [stack options]

Adds what is missing and keeps what exists, so it can run any number of times. Every seeded account
signs in with the password in tools/devenv/data/fixtures.json (see docs/dev-environment.md).

--first-run (what \`npm start\` runs first): only when the embedded database does not exist yet,
apply the migrations and seed it, so a fresh checkout starts with a catalog to search and accounts
to sign in with. Does nothing on a real database (DATABASE_URL) or an existing .data/.

${stackOptionsHelp}`

export function printSummary(summary: SeedSummary, password: string, users: string[], seconds: number) {
  const row = (name: string, t: { created: number; existing: number }) => [name, String(t.created), String(t.existing)]
  console.log(
    table(
      ['', 'added', 'already there'],
      [row('artists', summary.artists), row('users', summary.users), row('DNP entries', summary.blocks), row('community lists', summary.lists), row('subscriptions', summary.subscriptions)],
    ),
  )
  console.log(`\nDone in ${seconds.toFixed(1)} s. Sign in as ${users.join(', ')} with the password ${password}`)
}

export async function run(argv: string[]): Promise<number> {
  const { values, target } = parseTargetArgs(argv, { 'first-run': { type: 'boolean', default: false } })
  if (values['first-run']) {
    if (target.database.kind !== 'pglite' || existsSync(pgliteDir(target.database.dataDir))) return 0
    console.log(`First start on the embedded database: applying the migrations and loading the development data.\nDelete ${target.database.dataDir} to start afresh.`)
    const code = await runMigrations(target)
    if (code !== 0) return code
  }
  await assertEmbeddedDatabaseFree(target)
  const data = loadSeedData()
  const started = performance.now()
  const db = await openDatabase(target.database)
  try {
    console.log(`Seeding ${db.describe}`)
    const result = await seed(db, data)
    printSummary(result, data.fixtures.password, data.fixtures.users.map((u) => u.email), (performance.now() - started) / 1000)
  } finally {
    await db.close()
  }
  return 0
}
