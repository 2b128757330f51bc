// @ts-check
// The one line `npm test` ends with: the tests of every project added up, from the JSON report each
// project's vitest writes (the Jest-compatible shape of vitest's `json` reporter).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

/** Where each project's vitest writes its report, relative to the project (git-ignored). */
export const reportPath = 'test-results/vitest.json'

/** The flags that make a project's `vitest run` keep its usual output and also write the report. */
export const vitestFlags = ['--reporter=default', '--reporter=json', `--outputFile.json=${reportPath}`]

/**
 * @typedef {{ numPassedTests: number, numFailedTests: number, numPendingTests: number, numTodoTests: number,
 *   testResults: { status: string }[] }} VitestReport
 * @typedef {{ project: string, report: VitestReport }} ProjectReport
 * @typedef {{ name: string, dir: string, hasTest: boolean }} WorkspaceProject
 */

/** The workspace's projects (root package.json `workspaces`), and whether each has a test script. */
export function workspaceProjects(root) {
  const { workspaces } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
  /** @type {WorkspaceProject[]} */
  const projects = []
  for (const pattern of /** @type {string[]} */ (workspaces)) {
    const dirs = pattern.endsWith('/*')
      ? readdirSync(path.join(root, pattern.slice(0, -2)), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(root, pattern.slice(0, -2), e.name)).sort()
      : [path.join(root, pattern)]
    for (const dir of dirs) {
      const manifest = path.join(dir, 'package.json')
      if (!existsSync(manifest)) continue
      const { name, scripts } = JSON.parse(readFileSync(manifest, 'utf8'))
      projects.push({ name, dir, hasTest: Boolean(scripts?.test) })
    }
  }
  return projects
}

/** Removes every project's report, so a project that did not run this time is not counted. */
export function clearReports(projects) {
  for (const { dir } of projects) rmSync(path.join(dir, reportPath), { force: true })
}

/** @param {WorkspaceProject[]} projects @returns {ProjectReport[]} */
export function readReports(projects) {
  return projects.flatMap(({ name, dir }) => {
    const file = path.join(dir, reportPath)
    return existsSync(file) ? [{ project: name, report: JSON.parse(readFileSync(file, 'utf8')) }] : []
  })
}

/**
 * The totals line, e.g. "Tests across 5 projects: 545 passed, 0 failed, 2 skipped (68 files)", with the
 * projects that failed named after it.
 * @param {ProjectReport[]} reports
 */
export function totalsLine(reports) {
  let passed = 0
  let failed = 0
  let skipped = 0
  let files = 0
  let failedFiles = 0
  /** @type {string[]} */
  const failing = []
  for (const { project, report } of reports) {
    passed += report.numPassedTests
    failed += report.numFailedTests
    skipped += report.numPendingTests + report.numTodoTests
    files += report.testResults.length
    // A file that fails to load has no failed test, only a failed status.
    const brokenFiles = report.testResults.filter((r) => r.status === 'failed').length
    failedFiles += brokenFiles
    if (report.numFailedTests > 0 || brokenFiles > 0) failing.push(project)
  }
  const projects = `${reports.length} project${reports.length === 1 ? '' : 's'}`
  const filesPart = failedFiles ? `${files} files, ${failedFiles} failed` : `${files} files`
  const line = `Tests across ${projects}: ${passed} passed, ${failed} failed, ${skipped} skipped (${filesPart})`
  return failing.length ? `${line}; failing: ${failing.join(', ')}` : line
}
