// @ts-check
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { clearReports, readReports, reportPath, totalsLine, workspaceProjects } from '../test-totals/totals.js'

/** A vitest JSON report with these counts and one entry per file status. */
const report = (passed, failed, skipped, files = ['passed']) => ({
  numPassedTests: passed,
  numFailedTests: failed,
  numPendingTests: skipped,
  numTodoTests: 0,
  testResults: files.map((status) => ({ status })),
})

describe('the totals line npm test ends with', () => {
  it('adds up passed, failed and skipped tests across projects on one line', () => {
    const line = totalsLine([
      { project: '@ndith/api', report: report(268, 0, 2, ['passed', 'passed']) },
      { project: '@ndith/web', report: report(171, 0, 1) },
    ])
    expect(line).toBe('Tests across 2 projects: 439 passed, 0 failed, 3 skipped (3 files)')
  })

  it('names the failing projects, including one whose file failed to load without a failed test', () => {
    const line = totalsLine([
      { project: '@ndith/api', report: report(10, 2, 0, ['failed', 'passed']) },
      { project: '@ndith/web', report: report(5, 0, 0, ['failed']) },
      { project: '@ndith/contracts', report: report(22, 0, 0) },
    ])
    expect(line).toBe('Tests across 3 projects: 37 passed, 2 failed, 0 skipped (4 files, 2 failed); failing: @ndith/api, @ndith/web')
  })
})

describe('the reports it reads', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'ndith-totals-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('reads the report of each project that wrote one, and clears them before the next run', () => {
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ workspaces: ['apps/*', 'migrations'] }))
    for (const [dir, scripts] of [['apps/api', { test: 'vitest run' }], ['apps/web', { test: 'vitest run' }], ['migrations', {}]]) {
      mkdirSync(path.join(root, dir, 'test-results'), { recursive: true })
      writeFileSync(path.join(root, dir, 'package.json'), JSON.stringify({ name: `@ndith/${path.basename(dir)}`, scripts }))
    }
    writeFileSync(path.join(root, 'apps/api', reportPath), JSON.stringify(report(3, 0, 0)))
    const projects = workspaceProjects(root)
    expect(projects.map((p) => [p.name, p.hasTest])).toEqual([['@ndith/api', true], ['@ndith/web', true], ['@ndith/migrations', false]])
    expect(readReports(projects).map((r) => r.project)).toEqual(['@ndith/api'])
    clearReports(projects)
    expect(readReports(projects)).toEqual([])
  })
})
