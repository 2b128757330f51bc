import { randomBytes } from 'node:crypto'
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'

const apiRoot = path.resolve(import.meta.dirname, '../..')

export interface ApiProcess {
  child: ChildProcess
  output: () => string
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<void>
  exited: Promise<number | null>
}

// Job queues of this test file's own: processes of other test files on the same Redis never take its jobs.
const jobsPrefix = `ndith-test-${randomBytes(4).toString('hex')}`

/**
 * Every test file's API processes come from 127.0.0.1 and count on the machine's one Redis, so the
 * per-address limits would add up across files; a test of the limits sets its own.
 */
const looseAddressLimits = { RATE_LIMIT_REGISTER_PER_IP: '10000/1m', RATE_LIMIT_LOGIN_PER_IP: '10000/1m' }

/** Runs src/server.ts (or another entry) as a real process with exactly the given environment. */
export function startApi(env: Record<string, string>, entry = 'src/server.ts', args: string[] = []): ApiProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: apiRoot,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', LOG_FORMAT: 'json', JOBS_PREFIX: jobsPrefix, ...looseAddressLimits, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const listeners = new Set<() => void>()
  const onData = (chunk: Buffer) => {
    output += chunk.toString()
    for (const listener of listeners) listener()
  }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    child,
    output: () => output,
    exited,
    waitFor: (pattern, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(output)) return
          listeners.delete(check)
          clearTimeout(timer)
          resolve()
        }
        const timer = setTimeout(() => {
          listeners.delete(check)
          reject(new Error(`timed out waiting for ${pattern}; output so far:\n${output}`))
        }, timeoutMs)
        listeners.add(check)
        check()
      }),
  }
}

export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/**
 * A TCP relay in front of a real service. Stopping it cuts every connection, the way a restart
 * of the service would; starting it again brings the service "back".
 */
export function tcpRelay(listenPort: number, target: { host: string; port: number }) {
  let server: net.Server | undefined
  const sockets = new Set<net.Socket>()
  return {
    async start() {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host)
        for (const s of [client, upstream]) {
          sockets.add(s)
          s.on('close', () => sockets.delete(s))
          s.on('error', () => s.destroy())
        }
        client.pipe(upstream).pipe(client)
      })
      await new Promise<void>((resolve) => server!.listen(listenPort, '127.0.0.1', resolve))
    },
    async stop() {
      for (const s of sockets) s.destroy()
      await new Promise((resolve) => server?.close(resolve))
    },
  }
}

/**
 * Relays in front of a test database and the Redis of REDIS_URL, with the URLs that go through
 * them: stopping a relay is what a restart of that service looks like to the process under test.
 */
export async function relayedServices(databaseUrl: string) {
  const [pgPort, redisPort] = [await freePort(), await freePort()]
  const pgUrl = new URL(databaseUrl)
  const redisUrl = new URL(process.env.REDIS_URL!)
  const pgRelay = tcpRelay(pgPort, { host: pgUrl.hostname, port: Number(pgUrl.port || 5432) })
  const redisRelay = tcpRelay(redisPort, { host: redisUrl.hostname, port: Number(redisUrl.port || 6379) })
  pgUrl.host = `127.0.0.1:${pgPort}`
  return {
    pgRelay,
    redisRelay,
    databaseUrl: pgUrl.toString(),
    redisUrl: `redis://127.0.0.1:${redisPort}${redisUrl.pathname}`,
    stop: () => Promise.all([pgRelay.stop(), redisRelay.stop()]),
  }
}
