// Starts benchmark targets as child processes and measures them with autocannon from this one.
import autocannon from 'autocannon'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const TARGET = fileURLToPath(new URL('./target.ts', import.meta.url))

export interface Target {
  url: string
  pid: number
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
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await once(child, 'exit')
    },
  }
}

/** CPU time (user + system) a process has used so far, in ms; undefined where /proc is missing. */
export function cpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
  } catch {
    return undefined
  }
}
const CLOCK_TICKS = 100

export interface Figures {
  reqPerSec: number
  /** The target's own CPU time per request: unlike req/s, hardly moved by other processes' load. */
  cpuUsPerReq?: number
  p50: number
  p99: number
  errors: number
}

export async function load(url: string, options: { connections: number; duration: number; headers?: Record<string, string>; pid?: number }): Promise<Figures> {
  const before = options.pid ? cpuMs(options.pid) : undefined
  const result = await autocannon({ url, connections: options.connections, duration: options.duration, headers: options.headers ?? {} })
  const after = options.pid ? cpuMs(options.pid) : undefined
  const cpuUsPerReq = before !== undefined && after !== undefined && result.requests.total > 0 ? Math.round(((after - before) * 1000) / result.requests.total) : undefined
  return { reqPerSec: Math.round(result.requests.average), cpuUsPerReq, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx }
}
