import { execFile } from 'node:child_process'
import path from 'node:path'
import { devenvRoot, repoRoot } from '../../src/lib/paths.ts'

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

const bin = path.join(devenvRoot, 'bin/devenv.js')

/** Runs the real `devenv` CLI in a child process (asynchronously, so servers in this process keep answering). */
export function devenv(args: string[], env: NodeJS.ProcessEnv = process.env, timeoutMs = 120_000): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: repoRoot, env: { ...env, NO_COLOR: '1' }, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

/** The table row whose first cell (after the status mark, if any) is `name`. */
export function row(output: string, name: string): string {
  const line = output.split('\n').find((l) => l.replace(/^[✓✗!-]?\s*/, '').startsWith(name + ' '))
  if (!line) throw new Error(`no row "${name}" in:\n${output}`)
  return line
}
