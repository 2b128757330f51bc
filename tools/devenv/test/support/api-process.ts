import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { repoRoot } from '../../src/lib/paths.ts'
import { freePort } from './services.ts'

export interface RunningApi {
  url: string
  stop(): Promise<void>
  output(): string
}

/**
 * Starts the real API (apps/api/src/server.ts) on a free port, as `npm start` does, and waits for
 * /health; with `worker`, the worker process (apps/api/src/worker.ts) on a free WORKER_PORT.
 */
export async function startApi(env: { DATABASE_URL: string; REDIS_URL: string } & Record<string, string>, { worker = false } = {}): Promise<RunningApi> {
  const port = await freePort()
  let output = ''
  const what = worker ? 'the worker' : 'the API'
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', worker ? 'apps/api/src/worker.ts' : 'apps/api/src/server.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...env, HOST: '127.0.0.1', [worker ? 'WORKER_PORT' : 'PORT']: String(port), JWT_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'warn', MIGRATE_ON_START: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}:\n${output}`)
    const up = await fetch(`${url}/health`).then((r) => r.ok, () => false)
    if (up) break
    if (Date.now() > deadline) throw new Error(`${what} did not answer /health within 60 s:\n${output}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
