import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Status } from '../lib/output.ts'
import { repoRoot } from '../lib/paths.ts'
import { run, type RunResult } from '../lib/run.ts'
import { detectPlatform, type PlatformName } from '../stack/platform.ts'
import { fixFor, type FixContext } from './fixes.ts'

export interface DoctorCheck {
  name: string
  status: Status
  found: string
  /** Needed for the chosen stack; a failing required check makes doctor exit non-zero. */
  required: boolean
  fix: string
}

export interface DoctorOptions {
  stack: 'local' | 'tilt'
  env: NodeJS.ProcessEnv
  fixContext: FixContext
}

/** ">=24.15.0" from the root package.json's engines.node. */
export function requiredNode(): [number, number] {
  const engines = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { engines?: { node?: string } }).engines?.node ?? '>=24.15'
  const [, major = '24', minor = '0'] = /(\d+)\.(\d+)/.exec(engines) ?? []
  return [Number(major), Number(minor)]
}

const atLeast = (version: string, [major, minor]: [number, number]) => {
  const [, a = '0', b = '0'] = /(\d+)\.(\d+)/.exec(version) ?? []
  return Number(a) > major || (Number(a) === major && Number(b) >= minor)
}

const firstLine = (r: RunResult) => (r.stdout || r.stderr).trim().split('\n')[0] ?? ''

// Contexts that bring their own cluster, without minikube/kind/k3d/k3s on PATH.
const bundledClusters: PlatformName[] = ['docker-desktop', 'rancher-desktop', 'orbstack']

/** Every tool the stacks need, each with what was found and the exact fix when it is missing. */
export function doctorChecks({ stack, env, fixContext }: DoctorOptions): DoctorCheck[] {
  const tilt = stack === 'tilt'
  const exec = (cmd: string, args: string[], timeoutMs = 10_000) => run(cmd, args, { env, timeoutMs })
  const check = (name: string, required: boolean, fixKey: string, ok: boolean | 'warn', found: string): DoctorCheck => ({
    name,
    required,
    found,
    status: ok === 'warn' ? 'warn' : ok ? 'ok' : required ? 'fail' : 'warn',
    fix: ok === true ? '' : fixFor(fixKey, fixContext),
  })
  const checks: DoctorCheck[] = []

  const want = requiredNode()
  const node = exec('node', ['--version'])
  const nodeVersion = firstLine(node)
  checks.push(check('node', true, 'node', node.found && atLeast(nodeVersion, want), node.found ? `${nodeVersion} (needs >= ${want.join('.')})` : 'not found'))
  const npm = exec('npm', ['--version'])
  checks.push(check('npm', true, 'npm', npm.found && npm.code === 0, npm.found ? firstLine(npm) : 'not found'))

  const docker = exec('docker', ['version', '--format', '{{.Client.Version}}'])
  checks.push(check('docker', tilt, 'docker', docker.found, docker.found ? `client ${firstLine(docker)}` : 'not found'))
  if (docker.found) {
    const daemon = exec('docker', ['info', '--format', '{{.ServerVersion}}'], 15_000)
    const reachable = daemon.code === 0
    checks.push(check('docker daemon', tilt, 'docker-daemon', reachable, reachable ? `server ${firstLine(daemon)}` : `not reachable: ${firstLine(daemon) || 'no answer'}`))
  }

  const kubectl = exec('kubectl', ['version', '--client', '-o', 'json'])
  const kubectlVersion = (() => {
    try {
      return (JSON.parse(kubectl.stdout) as { clientVersion?: { gitVersion?: string } }).clientVersion?.gitVersion ?? ''
    } catch {
      return firstLine(kubectl)
    }
  })()
  checks.push(check('kubectl', tilt, 'kubectl', kubectl.found, kubectl.found ? kubectlVersion : 'not found'))

  const context = kubectl.found ? exec('kubectl', ['config', 'current-context']) : undefined
  const contextName = context?.code === 0 ? context.stdout.trim() : ''
  const platform = detectPlatform(contextName)

  const clusterTools = (['minikube', 'kind', 'k3d', 'k3s'] as const)
    .map((tool) => ({ tool, result: exec(tool, tool === 'k3s' ? ['--version'] : ['version']) }))
    .filter(({ result }) => result.found)
    .map(({ tool, result }) => `${tool} ${firstLine(result).replace(/^[^v\d]*/, '')}`.trim())
  const bundled = platform.name !== null && bundledClusters.includes(platform.name)
  checks.push(
    check('minikube/kind/k3s', tilt, 'cluster', clusterTools.length > 0 || bundled, clusterTools.join(', ') || (bundled ? `${platform.name} (its own cluster)` : 'none found')),
  )

  const tiltResult = exec('tilt', ['version'])
  const tiltVersion = firstLine(tiltResult)
  checks.push(check('tilt', tilt, 'tilt', tiltResult.found && atLeast(tiltVersion, [0, 33]), tiltResult.found ? `${tiltVersion} (needs >= 0.33)` : 'not found'))

  if (kubectl.found) {
    const found = contextName ? `${contextName} → ${platform.name ?? 'not a known local cluster'}` : 'none set'
    checks.push(check('kube context', tilt, 'context', platform.allowed, found))
    if (platform.allowed) {
      const ready = exec('kubectl', ['get', '--raw', '/readyz', '--request-timeout=5s'])
      checks.push(check('cluster', tilt, 'cluster-reachable', ready.code === 0, ready.code === 0 ? `${contextName} answers` : `not reachable: ${firstLine(ready)}`))
    }
  }
  return checks
}
