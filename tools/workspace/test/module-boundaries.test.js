// @ts-check
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Linter } from 'eslint'
import tseslint from 'typescript-eslint'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { depConstraints, plugin } from '../eslint/index.js'

// A workspace laid out like ours, with the simulator that is on its way, tagged like ours.
const projects = {
  'packages/contracts': ['@ndith/contracts', 'type:contract'],
  migrations: ['@ndith/migrations', 'type:migrations'],
  'apps/api': ['@ndith/api', 'type:api'],
  'apps/web': ['@ndith/web', 'type:web'],
  'apps/web-e2e': ['@ndith/web-e2e', 'type:e2e'],
  'apps/provider-sim': ['@ndith/provider-sim', 'type:simulator'],
  'apps/untagged': ['@ndith/untagged', undefined],
  'tools/devenv': ['@ndith/devenv', 'type:tool'],
}
let root = ''

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'ndith-boundaries-'))
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ workspaces: ['apps/*', 'packages/*', 'tools/*', 'migrations'] }))
  for (const [dir, [name, tag]] of Object.entries(projects)) {
    mkdirSync(path.join(root, dir, 'src/lib/api'), { recursive: true })
    writeFileSync(path.join(root, dir, 'package.json'), JSON.stringify({ name, ...(tag && { nx: { tags: [tag] } }) }))
  }
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** The boundary errors ESLint reports for `code` in the file at `file` (relative to the workspace). */
function lint(file, code) {
  const linter = new Linter({ configType: 'flat', cwd: root })
  const messages = linter.verify(
    code,
    [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
      { files: ['**/*.ts'], plugins: { ndith: plugin }, rules: { 'ndith/module-boundaries': ['error', { depConstraints }] } },
    ],
    { filename: path.join(root, file) },
  )
  return messages.map((m) => m.message)
}

describe('module boundaries from Nx tags', () => {
  it('lets the web app import the contract, by package name, and its own files by any path', () => {
    expect(lint('apps/web/src/lib/x.test.ts', "import { errorCodes } from '@ndith/contracts'\nimport { api } from '../lib/api/client.ts'")).toEqual([])
  })

  it('refuses the API in a web test file, by package name, by subpath and by relative path', () => {
    const errors = lint(
      'apps/web/src/lib/x.test.ts',
      ["import type { AppDeps } from '@ndith/api'", "export * from '@ndith/api/src/app.ts'", "const app = await import('../../../api/src/app.ts')"].join('\n'),
    )
    expect(errors).toHaveLength(3)
    expect(errors[0]).toBe('@ndith/web (type:web) may not import @ndith/api (type:api): type:web may import only projects tagged type:contract')
  })

  it('keeps the API away from web, devenv and the simulator, test files included', () => {
    for (const target of ['@ndith/web', '@ndith/devenv/seed-data', '@ndith/provider-sim']) {
      expect(lint('apps/api/src/features/x/x.test.ts', `import '${target}'`), target).toHaveLength(1)
    }
    expect(lint('apps/api/test/support/x.ts', "import { migrations } from '@ndith/migrations'\nimport { errorCodes } from '@ndith/contracts'")).toEqual([])
  })

  it('lets the contract import nothing of ours', () => {
    expect(lint('packages/contracts/src/x.ts', "import '@ndith/migrations'")).toEqual([
      '@ndith/contracts (type:contract) may not import @ndith/migrations (type:migrations): type:contract may import no project of ours',
    ])
  })

  it('lets the simulator import the contract and the seed data, and the e2e suite the simulator', () => {
    expect(lint('apps/provider-sim/src/x.ts', "import '@ndith/contracts'\nimport '@ndith/devenv/seed-data'")).toEqual([])
    expect(lint('apps/provider-sim/src/x.ts', "import '@ndith/api'")).toHaveLength(1)
    expect(lint('apps/web-e2e/src/x.ts', "import '@ndith/provider-sim'\nimport '@ndith/contracts'")).toEqual([])
  })

  it('counts require() and ignores packages that are not ours', () => {
    expect(lint('tools/devenv/src/x.ts', "const api = require('@ndith/api')\nimport 'kysely'\nimport 'node:fs'")).toHaveLength(1)
  })

  it('names the fix when a project has no tag', () => {
    expect(lint('apps/untagged/src/x.ts', "import '@ndith/contracts'")[0]).toMatch(/has no tag that a constraint names.*nx\.tags in its package\.json/)
  })
})
