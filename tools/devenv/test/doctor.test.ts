import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { devenv, row } from './support/cli.ts'

/**
 * doctor runs every tool through PATH. These tests give it a PATH of their own, holding small
 * scripts that answer like the real tools, so each case controls exactly what is "installed".
 */
const tools: Record<string, string> = {
  node: 'echo v24.22.3',
  npm: 'echo 10.9.2',
  docker: `case "$1" in version) echo 27.3.1 ;; info) echo 27.3.1 ;; esac`,
  kubectl: `case "$1 $2" in
  "version --client") echo '{"clientVersion":{"gitVersion":"v1.31.2"}}' ;;
  "config current-context") echo minikube ;;
  "get --raw") echo ok ;;
esac`,
  minikube: 'echo "minikube version: v1.34.0"',
  tilt: 'echo "v0.33.21, built 2024-11-08"',
}

let bin: string
const install = (name: string, body: string) => {
  const file = path.join(bin, name)
  writeFileSync(file, `#!/bin/sh\n${body}\n`)
  chmodSync(file, 0o755)
}
const doctor = (...args: string[]) => devenv(['doctor', ...args], { ...process.env, PATH: bin })

describe('devenv doctor with a controlled PATH', () => {
  beforeEach(() => {
    bin = mkdtempSync(path.join(tmpdir(), 'devenv-doctor-'))
  })
  afterEach(() => rmSync(bin, { recursive: true, force: true }))

  it('passes (exit 0) when every tool of the Tilt stack is present, the daemon answers and the context is local', async () => {
    for (const [name, body] of Object.entries(tools)) install(name, body)
    const result = await doctor()
    expect(result.code, result.stdout + result.stderr).toBe(0)
    for (const name of ['node', 'npm', 'docker', 'docker daemon', 'kubectl', 'minikube/kind/k3s', 'tilt', 'kube context', 'cluster']) {
      expect(row(result.stdout, name)).toMatch(/^✓/)
    }
    expect(row(result.stdout, 'kube context')).toContain('minikube → minikube')
  })

  it('fails (exit 1) when tilt is missing, with the exact install command next to it', async () => {
    for (const [name, body] of Object.entries(tools)) if (name !== 'tilt') install(name, body)
    const result = await doctor()
    expect(result.code).toBe(1)
    expect(row(result.stdout, 'tilt')).toMatch(/^✗\s+tilt\s+not found\s+curl -fsSL https:\/\/raw\.githubusercontent\.com\/tilt-dev\/tilt\/master\/scripts\/install\.sh \| bash/)
    expect(result.stdout).toContain('1 required check(s) failed')
  })

  it('fails when the Docker daemon does not answer, and says how to start it', async () => {
    for (const [name, body] of Object.entries(tools)) install(name, body)
    install('docker', `case "$1" in version) echo 27.3.1 ;; info) echo "Cannot connect to the Docker daemon" >&2; exit 1 ;; esac`)
    const result = await doctor()
    expect(result.code).toBe(1)
    expect(row(result.stdout, 'docker daemon')).toMatch(/^✗.*not reachable: Cannot connect to the Docker daemon/)
    expect(row(result.stdout, 'docker daemon')).toMatch(/systemctl start docker|start Docker Desktop/)
  })

  it('fails on a Node older than the engines field requires', async () => {
    for (const [name, body] of Object.entries(tools)) install(name, body)
    install('node', 'echo v20.20.2')
    const result = await doctor()
    expect(result.code).toBe(1)
    expect(row(result.stdout, 'node')).toMatch(/^✗\s+node\s+v20\.20\.2 \(needs >= 24\.15\)/)
  })

  it('fails on a context that is not a local cluster, without asking that cluster anything', async () => {
    for (const [name, body] of Object.entries(tools)) install(name, body)
    install('kubectl', `case "$1 $2" in
  "version --client") echo '{"clientVersion":{"gitVersion":"v1.31.2"}}' ;;
  "config current-context") echo prod-eu-west ;;
  *) echo "must not be called: $*" >&2; exit 3 ;;
esac`)
    const result = await doctor()
    expect(result.code).toBe(1)
    expect(row(result.stdout, 'kube context')).toMatch(/^✗\s+kube context\s+prod-eu-west → not a known local cluster/)
    expect(result.stdout).not.toMatch(/^.\s+cluster\s/m)
  })

  it('for the npm start stack needs only node and npm: the rest is reported as optional (!)', async () => {
    install('node', tools.node!)
    install('npm', tools.npm!)
    const result = await doctor('--stack', 'local')
    expect(result.code).toBe(0)
    expect(row(result.stdout, 'tilt')).toMatch(/^!\s+tilt\s+not found/)
    expect(row(result.stdout, 'docker')).toMatch(/^!\s+docker\s+not found/)
  })

  it('prints machine-readable results with --json', async () => {
    install('node', tools.node!)
    install('npm', tools.npm!)
    const result = await doctor('--stack', 'local', '--json')
    const report = JSON.parse(result.stdout) as { ok: boolean; checks: { name: string; status: string; required: boolean }[] }
    expect(report.ok).toBe(true)
    expect(report.checks.find((c) => c.name === 'tilt')).toMatchObject({ status: 'warn', required: false })
  })
})
