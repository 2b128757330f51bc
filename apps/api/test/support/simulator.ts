import { spawn } from 'node:child_process'
import path from 'node:path'
import { freePort } from './api-process.ts'

const simulatorRoot = path.resolve(import.meta.dirname, '../../../provider-sim')

export interface SimulatorRequest {
  method: string
  path: string
  status: number
  user?: string
  uris?: string[]
  fault?: string
}

/**
 * The Spotify simulator (apps/provider-sim) as its own process on a free port, driven only through
 * its HTTP interfaces, the way the API meets Spotify: the API never imports it.
 */
export async function startSimulator(env: Record<string, string> = {}) {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: simulatorRoot,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', SIM_LOG: 'false', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const admin = async <T = unknown>(method: string, pathname: string, body?: object): Promise<T> => {
    const response = await fetch(`${url}${pathname}`, {
      method,
      ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    })
    if (!response.ok) throw new Error(`simulator ${method} ${pathname}: ${response.status} ${await response.text()}`)
    return (response.headers.get('content-type')?.includes('json') ? response.json() : undefined) as Promise<T>
  }
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`the simulator exited: ${stderr}`)
    try {
      if ((await fetch(`${url}/admin/users`)).ok) break
    } catch {
      if (attempt > 300) throw new Error(`the simulator did not start: ${stderr}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    url,
    accountsUrl: url,
    apiUrl: `${url}/v1`,
    clientId: 'ndith-dev',
    admin,
    setFaults: (faults: object) => admin('PUT', '/admin/faults', faults),
    requests: async () => (await admin<{ requests: SimulatorRequest[] }>('GET', '/admin/requests')).requests,
    clearRequests: () => admin('DELETE', '/admin/requests'),
    library: (user: string) => admin<SimulatorLibrary>('GET', `/admin/users/${user}/library`),
    /** The listener at the consent screen: chooses `user` and agrees; returns where the browser is sent. */
    async approve(authorizeUrl: string, user: string, decision: 'approve' | 'deny' = 'approve'): Promise<URL> {
      const page = await (await fetch(authorizeUrl)).text()
      const requestId = /name="request_id" value="([^"]+)"/.exec(page)?.[1]
      if (!requestId) throw new Error(`no consent form: ${page.slice(0, 300)}`)
      const response = await fetch(`${url}/authorize/decision`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ request_id: requestId, user, decision }),
        redirect: 'manual',
      })
      return new URL(response.headers.get('location')!)
    },
    async stop() {
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    },
  }
}

export type Simulator = Awaited<ReturnType<typeof startSimulator>>

export interface SimulatorLibrary {
  savedTracks: { uri: string; artistIds: string[] }[]
  savedAlbums: { uri: string; artistIds: string[] }[]
  followedArtists: { uri: string }[]
  playlists: { id: string; relation: string; snapshotId: string; items: { uri: string }[] }[]
}
