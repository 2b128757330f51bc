import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadSeedData } from '../src/seed/data.ts'
import { devenv, row } from './support/cli.ts'
import { freePort } from './support/services.ts'

// `npm start` runs `devenv seed --first-run` before the API: a fresh checkout gets a catalog to search.
const dir = mkdtempSync(path.join(tmpdir(), 'devenv-first-run-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const embedded = async () => ({ ...process.env, DATABASE_URL: '', REDIS_URL: '', DATA_DIR: path.join(dir, 'data'), PORT: String(await freePort()) })

describe('devenv seed --first-run (what npm start runs first)', () => {
  it('migrates and seeds a new embedded database, and leaves it alone afterwards', async () => {
    const env = await embedded()
    const first = await devenv(['seed', '--first-run'], env, 300_000)
    expect(first.code, first.stdout + first.stderr).toBe(0)
    expect(first.stdout).toContain('First start on the embedded database')
    expect(row(first.stdout, 'artists')).toMatch(new RegExp(`artists\\s+${loadSeedData().artists.length}\\s+0`))

    const again = await devenv(['seed', '--first-run'], env)
    expect(again).toMatchObject({ code: 0, stdout: '' })
  }, 300_000)

  it('does nothing on a real database (DATABASE_URL set)', async () => {
    const result = await devenv(['seed', '--first-run'], { ...(await embedded()), DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/not_touched' })
    expect(result).toMatchObject({ code: 0, stdout: '' })
  })
})
