#!/usr/bin/env node
// @ts-check
// `npm test`: every project's tests through Nx (`nx run-many -t test`, with any options given to
// npm test), then one line with the totals across projects, read from the JSON report each project's
// vitest writes. Exits with Nx's status, so npm test fails when any project fails.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { clearReports, readReports, totalsLine, vitestFlags, workspaceProjects } from '../test-totals/totals.js'

const root = path.resolve(import.meta.dirname, '../../..')
const nx = createRequire(path.join(root, 'package.json')).resolve('nx/bin/nx.js')
const args = process.argv.slice(2)

const projects = workspaceProjects(root)
clearReports(projects)
// Options after `--` go to each project's test command: every project's test script is `vitest run`.
const run = spawnSync(process.execPath, [nx, 'run-many', '-t', 'test', ...args, '--', ...vitestFlags], { cwd: root, stdio: 'inherit' })

const reports = readReports(projects)
const selected = args.some((a) => /^(-p|--projects?|--exclude)(=|$)/.test(a))
const silent = selected ? [] : projects.filter((p) => p.hasTest && !reports.some((r) => r.project === p.name)).map((p) => p.name)
console.log(`\n${totalsLine(reports)}${silent.length ? `; no report from ${silent.join(', ')}` : ''}`)
// Nx's status decides; a failure only a report shows (never expected) fails the run too.
const failedInReports = reports.some(({ report }) => report.numFailedTests > 0 || report.testResults.some((r) => r.status === 'failed'))
process.exit(run.status === 0 && !failedInReports ? 0 : (run.status || 1))
