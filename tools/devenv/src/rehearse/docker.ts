import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { ContainerSpec, HttpProbe } from './pod-specs.ts'

/**
 * Runs pod containers with docker on this machine's network. Every Service name resolves to
 * 127.0.0.1, which stands in for cluster DNS: with host networking a container's port is the
 * machine's port, so `api:3000` reaches the api container and `postgres:5432` this machine's Postgres.
 */
export class PodRunner {
  readonly #dir = mkdtempSync(path.join(tmpdir(), 'devenv-rehearse-'))
  readonly #started = new Set<string>()

  constructor(
    private readonly serviceHosts: string[],
    private readonly image: (name: string) => string,
  ) {}

  /** `docker run` arguments for the container, with the environment in a file (secrets stay out of `ps`). */
  args(container: ContainerSpec, name: string, detached: boolean): string[] {
    const envFile = path.join(this.#dir, `${name}.env`)
    writeFileSync(envFile, Object.entries(container.env).map(([k, v]) => `${k}=${v}`).join('\n') + '\n', { mode: 0o600 })
    const [entrypoint, ...commandArgs] = container.command ?? []
    return [
      'run',
      detached ? '--detach' : '--rm',
      '--name',
      name,
      '--network',
      'host',
      ...this.serviceHosts.flatMap((host) => ['--add-host', `${host}:127.0.0.1`]),
      // What the manifests' securityContext asks for: its user, no capabilities, no privilege escalation.
      ...(container.user ? ['--user', container.user] : []),
      '--cap-drop',
      'ALL',
      '--security-opt',
      'no-new-privileges',
      '--env-file',
      envFile,
      ...(entrypoint ? ['--entrypoint', entrypoint] : []),
      this.image(container.image),
      ...commandArgs,
      ...(container.args ?? []),
    ]
  }

  /** Runs a container to completion (a Job's or an init container); its output is kept for the report. */
  async complete(container: ContainerSpec, name: string, timeoutMs: number): Promise<{ code: number | null; output: string }> {
    await this.#claim(name)
    return docker(this.args(container, name, false), timeoutMs)
  }

  /** Starts a long-running container (a Deployment's). */
  async start(container: ContainerSpec, name: string): Promise<{ code: number | null; output: string }> {
    await this.#claim(name)
    return docker(this.args(container, name, true), 60_000)
  }

  /** A container left by an earlier run (--keep, or an interrupted one) would block the name. */
  async #claim(name: string) {
    await docker(['rm', '--force', name], 30_000)
    this.#started.add(name)
  }

  logs = (name: string, tail = 40) => docker(['logs', '--tail', String(tail), name], 10_000).then((r) => r.output)

  /** What Tilt's live_update sync does: a tar of the files, unpacked in the container as its user. */
  async sync(name: string, user: string | undefined, root: string, files: string[], destination: string) {
    const archive = spawnSync('tar', ['-C', root, '-cf', '-', ...files], { maxBuffer: 64 * 1024 * 1024 })
    if (archive.status !== 0) return { code: archive.status, output: archive.stderr.toString() }
    return docker(['exec', '--interactive', ...(user ? ['--user', user] : []), name, 'tar', '-xf', '-', '-C', destination], 30_000, archive.stdout)
  }

  /** Removes every container this runner started, and the environment files. */
  async cleanUp(): Promise<void> {
    if (this.#started.size) await docker(['rm', '--force', ...this.#started], 60_000)
    this.#started.clear()
    rmSync(this.#dir, { recursive: true, force: true })
  }
}

export function docker(args: string[], timeoutMs: number, input?: Buffer): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('docker', args, { stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'], timeout: timeoutMs })
    child.stdin?.end(input)
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', (error) => resolve({ code: null, output: error.message }))
    child.on('close', (code) => resolve({ code, output }))
  })
}

/** Polls an httpGet probe the way the kubelet would: success is 200–399, within the probe's budget. */
export async function probe(p: HttpProbe, budgetMs = p.budgetMs): Promise<{ ok: boolean; detail: string }> {
  const url = `http://127.0.0.1:${p.port}${p.path}`
  const deadline = Date.now() + budgetMs
  let last: string
  do {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000), redirect: 'manual' })
      if (response.status >= 200 && response.status < 400) return { ok: true, detail: `${response.status} from ${p.path}` }
      last = `${response.status}: ${(await response.text()).slice(0, 160)}`
    } catch (error) {
      last = (error as { cause?: { code?: string } }).cause?.code ?? 'no answer'
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  } while (Date.now() < deadline)
  return { ok: false, detail: `${p.path} never succeeded within ${Math.round(budgetMs / 1000)} s (last: ${last})` }
}
