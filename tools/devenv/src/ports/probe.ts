import { createServer } from 'node:net'
import { run } from '../lib/run.ts'

/** Whether something else already listens on host:port (a bind attempt, closed at once). */
function bindFails(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', (error: NodeJS.ErrnoException) => {
      // No IPv6 on this machine (or no such address): nothing can be listening there either.
      resolve(!(error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT'))
    })
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(false)))
  })
}

/** kubectl port-forward (what Tilt runs) binds 127.0.0.1 and ::1: the port must be free on both. */
export async function isPortBusy(port: number): Promise<boolean> {
  return (await bindFails(port, '127.0.0.1')) || (await bindFails(port, '::1'))
}

export interface PortHolder {
  command: string
  pid: number
}

/** Who listens on the port, from `ss` (Linux) or `lsof` (macOS, Linux); undefined if neither can tell. */
export function portHolder(port: number, env: NodeJS.ProcessEnv = process.env): PortHolder | undefined {
  const ss = run('ss', ['-ltnpH', `sport = :${port}`], { env })
  const fromSs = /users:\(\("([^"]+)",pid=(\d+)/.exec(ss.stdout)
  if (fromSs) return { command: fromSs[1]!, pid: Number(fromSs[2]) }
  const lsof = run('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-Fpc'], { env })
  const pid = /^p(\d+)$/m.exec(lsof.stdout)
  const command = /^c(.+)$/m.exec(lsof.stdout)
  if (pid && command) return { command: command[1]!, pid: Number(pid[1]) }
  return undefined
}
