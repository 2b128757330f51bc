import { openDatabase } from '../db/client.ts'
import { assertEmbeddedDatabaseFree } from '../db/embedded-guard.ts'
import { table } from '../lib/output.ts'
import { loadSeedData } from '../seed/data.ts'
import { seed, type SeedSummary } from '../seed/seed.ts'
import { stackOptionsHelp } from '../stack/options.ts'
import { parseTargetArgs } from './target-args.ts'

export const summary = 'load development data: dev users, a few hundred real artists, DNP entries, community lists'
export const help = `Usage: devenv seed [stack options]

Adds what is missing and keeps what exists, so it can run any number of times. Every seeded account
signs in with the password in tools/devenv/data/fixtures.json (see docs/dev-environment.md).

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
  const { target } = parseTargetArgs(argv, {})
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
