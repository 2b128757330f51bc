// Starts benchmark targets as child processes and measures them with autocannon from this one.
import autocannon from 'autocannon'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const TARGET = fileURLToPath(new URL('./target.ts', import.meta.url))

export interface Target {
  url: string
  stop(): Promise<void>
}

export async function startTarget(mode: 'floor' | 'api' | 'embedded', env: Record<string, string | undefined>): Promise<Target> {
  // BENCH_CPU_PROF=<dir>: the API writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF && mode === 'api' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', TARGET, mode], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout! })
  const port = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => line.startsWith('listening ') && resolve(line.slice('listening '.length)))
    child.once('exit', (code) => reject(new Error(`${mode} target exited with ${code} before listening`)))
  })
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await once(child, 'exit')
    },
  }
}

export interface Figures {
  reqPerSec: number
  p50: number
  p99: number
  errors: number
}

export async function load(url: string, options: { connections: number; duration: number; headers?: Record<string, string> }): Promise<Figures> {
  const result = await autocannon({ url, connections: options.connections, duration: options.duration, headers: options.headers ?? {} })
  return { reqPerSec: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx }
}
