import { assertEmbeddedDatabaseFree } from '../db/embedded-guard.ts'
import { runMigrations } from '../db/migrate.ts'
import { stackOptionsHelp } from '../stack/options.ts'
import { parseTargetArgs } from './target-args.ts'

export const help = `Usage: devenv migrate [--dry-run] [stack options]

Runs \`npm run migrate -w @ndith/api\` (the command the migrate Job runs) with DATABASE_URL set for
the chosen stack. --dry-run lists pending migrations without applying them.

${stackOptionsHelp}`

export async function run(argv: string[]): Promise<number> {
  const { values, target } = parseTargetArgs(argv, { 'dry-run': { type: 'boolean', default: false } })
  await assertEmbeddedDatabaseFree(target)
  return runMigrations(target, values['dry-run'] ? ['--dry-run'] : [])
}
