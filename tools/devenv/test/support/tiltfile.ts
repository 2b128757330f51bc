import { execFile } from 'node:child_process'
import path from 'node:path'
import { devenvRoot, repoRoot } from '../../src/lib/paths.ts'

export interface TiltGraph {
  version_constraint: string | null
  config_definitions: { name: string; type: string; usage: string }[]
  allowed_contexts: string[]
  default_registry: string | null
  k8s_yaml: string[]
  watch_files: string[]
  docker_builds: { ref: string; context: string; dockerfile?: string; only?: string[]; live_update?: { kind: string; args: unknown[] }[] }[]
  k8s_resources: {
    workload: string
    new_name?: string
    objects?: string[]
    resource_deps?: string[]
    port_forwards?: { local: number; container: number; name: string }[]
    links?: { url: string; name: string }[]
    labels?: string[]
    auto_init?: boolean
    trigger_mode?: string
  }[]
  local_resources: { name: string; cmd: string[] | string; serve_cmd?: string[]; resource_deps?: string[]; labels?: string[]; auto_init?: boolean; trigger_mode?: string }[]
  local_commands: { argv: string[]; quiet: boolean; echo_off: boolean }[]
  prints: string[]
}

export interface TiltEvaluation {
  starlark_violations: string[]
  graph?: TiltGraph
  failed?: string
}

const stub = path.join(devenvRoot, 'test/tiltfile/tilt_stub.py')

/**
 * Evaluates the repository's Tiltfile under the Python stub of the Tilt API, as `tilt up -- ARGS`
 * would with `context` as the current kube context. devenv's state (generated credentials) goes
 * to `stateDir`, never to the developer's own.
 */
export function evaluateTiltfile(context: string, settings: Record<string, string | string[]>, stateDir: string): Promise<TiltEvaluation> {
  const args = [stub, path.join(repoRoot, 'Tiltfile'), '--context', context]
  for (const [key, value] of Object.entries(settings)) for (const v of [value].flat()) args.push('--setting', `${key}=${v}`)
  return new Promise((resolve, reject) => {
    execFile('python3', args, { cwd: repoRoot, env: { ...process.env, DEVENV_STATE_DIR: stateDir }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`the Tilt stub failed: ${stderr || error.message}`))
      resolve(JSON.parse(stdout) as TiltEvaluation)
    })
  })
}
