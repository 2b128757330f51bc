import { spawnSync } from 'node:child_process'
import { accessSync, constants, statSync } from 'node:fs'
import path from 'node:path'

export interface RunResult {
  /** false when the command is not on PATH at all */
  found: boolean
  code: number | null
  stdout: string
  stderr: string
}

/** The executable `name` resolves to on `searchPath` (a PATH string), like `command -v`. */
export function findExecutable(name: string, searchPath: string | undefined): string | undefined {
  for (const dir of (searchPath ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name)
    try {
      accessSync(candidate, constants.X_OK)
      if (statSync(candidate).isFile()) return candidate
    } catch {
      // not in this directory
    }
  }
  return undefined
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv
  cwd?: string
  timeoutMs?: number
  input?: string
}

/** Runs a command to completion and captures its output; never throws for a failing command. */
export function run(command: string, args: string[], options: RunOptions = {}): RunResult {
  const env = options.env ?? process.env
  const executable = findExecutable(command, env.PATH)
  if (!executable) return { found: false, code: null, stdout: '', stderr: '' }
  const result = spawnSync(executable, args, {
    env,
    cwd: options.cwd,
    input: options.input,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 15_000,
    maxBuffer: 32 * 1024 * 1024,
  })
  return { found: true, code: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? (result.error?.message ?? '') }
}
