import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { latestMigration, migrations } from '@ndith/migrations'
import { startApi } from '../../test/support/api-process.ts'
import { createTestDatabase, type TestDatabase } from '../../test/support/database.ts'

// The CLI runs as a real process, the way the Kubernetes Job and init container run it:
// against a fresh database of its own (real Postgres when DATABASE_URL is set, PGlite otherwise).
let database: TestDatabase | undefined
let env: Record<string, string>
beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    database = await createTestDatabase()
    env = { DATABASE_URL: database.url! }
  } else {
    env = { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ndith-migrate-')) }
  }
})
afterAll(() => database?.drop())

async function migrate(...args: string[]) {
  const run = startApi({ ...env, MIGRATE_WAIT_TIMEOUT: '1' }, 'src/db/migrate-cli.ts', args)
  const code = await run.exited
  return { code, output: run.output() }
}

const names = Object.keys(migrations)

describe('npm run migrate', () => {
  it('--wait gives up with a non-zero exit and says what to do while migrations are pending', async () => {
    const { code, output } = await migrate('--wait')
    expect(code).toBe(1)
    expect(output).toContain(`schema not at ${latestMigration}`)
    expect(output).toContain('run `npm run migrate`')
  })

  it('--dry-run lists every pending migration and applies nothing', async () => {
    const first = await migrate('--dry-run')
    expect(first.code).toBe(0)
    for (const name of names) expect(first.output).toContain(`• ${name}`)
    expect((await migrate('--dry-run')).output).toContain(`${names.length} pending`)
  })

  it('applies pending migrations printing each, then reports nothing to do', async () => {
    const applied = await migrate()
    expect(applied.code).toBe(0)
    for (const name of names) expect(applied.output).toContain(`✓ ${name}`)
    const again = await migrate()
    expect(again.output).toContain('Schema is up to date')
  })

  it('--wait returns at once when the schema is at the latest migration', async () => {
    const { code, output } = await migrate('--wait')
    expect(code).toBe(0)
    expect(output).toContain(`Schema is at ${latestMigration}`)
  })

  it('refuses an unknown option', async () => {
    const { code, output } = await migrate('--force')
    expect(code).toBe(1)
    expect(output).toContain('unknown option --force')
  })

  it('exits non-zero with the reason when the database cannot be reached', async () => {
    const run = startApi({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' }, 'src/db/migrate-cli.ts')
    expect(await run.exited).toBe(1)
    expect(run.output()).toMatch(/cannot reach postgres:\/\/127\.0\.0\.1:1\/nowhere: .*ECONNREFUSED/)
  })
})
