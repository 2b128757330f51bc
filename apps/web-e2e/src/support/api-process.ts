import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { apiEnvironment, repoRoot } from './environment.ts'

export interface RunningApi {
  url: string
  stop(): Promise<void>
}

/**
 * Starts the real API (`npm run start -w @ndith/api`) on `port` and resolves once /ready answers 200.
 * The process gets a group of its own so stop() reaches npm, tsx and node alike.
 */
export async function startApi(port: number, { timeoutMs = 60_000 } = {}): Promise<RunningApi> {
  const url = `http://127.0.0.1:${port}`
  const child: ChildProcess = spawn('npm', ['run', 'start', '-w', '@ndith/api'], {
    cwd: repoRoot,
    env: { ...process.env, ...apiEnvironment(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  })
  const exited = once(child, 'exit')
  exited.catch(() => undefined) // a spawn failure surfaces as the exit check below

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    process.kill(-child.pid!, 'SIGTERM')
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
    // npm may exit before the node process under it has closed its port: wait until nothing answers.
    while (await fetch(`${url}/health`).then(() => true, () => false)) await new Promise((resolve) => setTimeout(resolve, 100))
  }

  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The API on port ${port} exited with code ${child.exitCode} while starting`)
    try {
      if ((await fetch(`${url}/ready`)).ok) return { url, stop }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await stop()
  throw new Error(`The API on port ${port} was not ready within ${timeoutMs / 1000} s`)
}
