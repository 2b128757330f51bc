import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseYamlStream } from '../src/k8s/kustomize.ts'
import { LIVE_SYNCS } from '../src/rehearse/live-update.ts'
import { repoRoot } from '../src/lib/paths.ts'
import { devenv } from './support/cli.ts'
import { evaluateTiltfile, type TiltGraph } from './support/tiltfile.ts'

let stateDir: string
let graph: TiltGraph
const triggerNames = ['health-check', 'load-test', 'db-migrate', 'db-seed', 'db-reset', 'backend-tests', 'frontend-tests', 'all-tests', 'e2e']

const resource = (g: TiltGraph, name: string) => g.k8s_resources.find((r) => (r.new_name ?? r.workload) === name)
const forwards = (g: TiltGraph) => Object.fromEntries(g.k8s_resources.flatMap((r) => (r.port_forwards ?? []).map((p) => [r.workload, [p.local, p.container]])))

beforeAll(async () => {
  stateDir = mkdtempSync(path.join(tmpdir(), 'devenv-tilt-'))
  const evaluation = await evaluateTiltfile('minikube', {}, stateDir)
  expect(evaluation.failed).toBeUndefined()
  graph = evaluation.graph!
})
afterAll(() => rmSync(stateDir, { recursive: true, force: true }))

describe('the Tiltfile', () => {
  it('is Starlark: nothing Starlark lacks (imports, while, try, f-strings, lambda, ...)', async () => {
    expect((await evaluateTiltfile('minikube', {}, stateDir)).starlark_violations).toEqual([])
  })

  it("names Tilt's API reference once, at the top, with every Tilt function it calls, and no link per call", () => {
    const source = readFileSync(path.join(repoRoot, 'Tiltfile'), 'utf8')
    const header = source.slice(0, source.search(/^[^#\n]/m))
    const body = source.slice(header.length)
    // Functions called bare (its own helpers and Starlark's print aside), and the config module.
    const called = [...new Set([...body.matchAll(/(?<![\w.])([a-z_0-9]+)\(/g)].map((m) => m[1]!))]
      .filter((name) => !['def', 'print', 'devenv_args', 'forward', 'declare_triggers'].includes(name))
      .concat(/\bconfig\.\w+\(/.test(body) ? ['config'] : [])
    expect(called.length).toBeGreaterThan(12)
    expect(source.match(/https:\/\/docs\.tilt\.dev\/api\.html/g)).toHaveLength(1)
    for (const name of called) expect(header, name).toMatch(new RegExp(`[\\s(,]${name}[,)]`))
    expect(body).not.toContain('https://docs.tilt.dev')
    expect(header).toContain('https://docs.tilt.dev/tiltfile_config.html')
  })

  it('declares the settings: namespace, port offset, per-service ports, platform, registry and monitoring', () => {
    expect(graph.config_definitions.map((d) => d.name)).toEqual(['namespace', 'port-offset', 'port', 'platform', 'registry', 'monitoring'])
    expect(graph.config_definitions.find((d) => d.name === 'monitoring')?.type).toBe('bool')
    expect(graph.version_constraint).toBe('>=0.33.0')
  })

  it('starts things in order: config → postgres and redis → migrate → api and worker → web, with the simulator before the api', () => {
    expect(resource(graph, 'config')?.objects).toEqual(expect.arrayContaining(['ndith-secrets:secret', 'ndith-config:configmap']))
    expect(resource(graph, 'postgres')?.resource_deps).toEqual(['config'])
    expect(resource(graph, 'redis')?.resource_deps).toEqual(['config'])
    expect(resource(graph, 'migrate')?.resource_deps).toEqual(['postgres'])
    expect(resource(graph, 'provider-sim')?.resource_deps).toEqual(['config'])
    expect(resource(graph, 'provider-sim')?.labels).toEqual(['app'])
    expect(resource(graph, 'api')?.resource_deps).toEqual(['migrate', 'redis', 'provider-sim'])
    expect(resource(graph, 'worker')?.resource_deps).toEqual(['migrate', 'redis'])
    expect(resource(graph, 'worker')?.labels).toEqual(['app'])
    expect(resource(graph, 'web')?.resource_deps).toEqual(['api', 'web-bundle'])
  })

  it('forwards the default ports 5432, 6379, 3000, 5000, 4000 and the worker’s probes on 3500, and links the app, the API docs, the simulator and the worker', () => {
    expect(forwards(graph)).toEqual({ postgres: [5432, 5432], redis: [6379, 6379], api: [3000, 3000], web: [5000, 5000], 'provider-sim': [4000, 4000], worker: [3500, 3001] })
    expect(resource(graph, 'worker')?.links).toEqual([{ url: 'http://localhost:3500/ready', name: 'worker readiness and queue depths' }])
    expect(resource(graph, 'provider-sim')?.links).toEqual([{ url: 'http://localhost:4000/admin/users', name: 'Spotify simulator' }])
    expect(resource(graph, 'web')?.links).toEqual([{ url: 'http://localhost:5000/', name: 'app' }])
    expect(resource(graph, 'api')?.links?.map((l) => l.url)).toEqual(['http://localhost:3000/docs', 'http://localhost:3000/ready'])
  })

  it('shifts every port and the namespace with --port-offset, and honours a per-service --port', async () => {
    const shifted = (await evaluateTiltfile('minikube', { 'port-offset': '3', port: ['api=3999'] }, stateDir)).graph!
    expect(forwards(shifted)).toEqual({ postgres: [5435, 5432], redis: [6382, 6379], api: [3999, 3000], web: [5003, 5000], 'provider-sim': [4003, 4000], worker: [3503, 3001] })
    const namespaced = parseYamlStream(shifted.k8s_yaml[0]!).map((o) => o.metadata.namespace ?? o.metadata.name)
    expect(new Set(namespaced)).toEqual(new Set([expect.stringMatching(/^ndith-.+-3$/)]))
    expect(shifted.prints.join('\n')).toContain('Tilt UI http://localhost:10353/')
    // The browser-facing URLs in the rendered ConfigMap follow the forwarded ports.
    const config = parseYamlStream(shifted.k8s_yaml[0]!).find((o) => o.kind === 'ConfigMap')!.data as Record<string, string>
    expect(config).toMatchObject({ APP_URL: 'http://localhost:5003', SIMULATOR_PUBLIC_URL: 'http://127.0.0.1:4003', SIMULATOR_URL: 'http://provider-sim:4000' })
    const simulator = (await evaluateTiltfile('minikube', { port: ['simulator=4100'] }, stateDir)).graph!
    expect(forwards(simulator)['provider-sim']).toEqual([4100, 4000])
    expect(resource(simulator, 'provider-sim')?.links?.[0]?.url).toBe('http://localhost:4100/admin/users')
  })

  it('turns every trigger of the plan into a manual resource that does not run at start-up', () => {
    const manual = [...graph.local_resources, ...graph.k8s_resources.map((r) => ({ ...r, name: r.new_name ?? r.workload }))].filter((r) => r.auto_init === false)
    expect(manual.map((r) => r.name).sort()).toEqual([...triggerNames].sort())
    for (const r of manual) expect(r.trigger_mode, r.name).toBe('manual')
    expect(resource(graph, 'db-seed')).toMatchObject({ workload: 'seed', resource_deps: ['migrate'], labels: ['database'] })
    expect(graph.local_resources.find((r) => r.name === 'health-check')?.resource_deps).toEqual(['api', 'web', 'worker'])
    // The load-test: devenv load-test against this stack's forwarded API, after the api and the worker are up.
    expect(graph.local_resources.find((r) => r.name === 'load-test')).toMatchObject({
      cmd: ['node', 'tools/devenv/bin/devenv.js', 'load-test', '--stack', 'tilt', '--namespace', expect.stringMatching(/^ndith-/), '--offset', '0'],
      resource_deps: ['api', 'worker'],
      labels: ['checks'],
    })
  })

  it('hands the triggers devenv commands that parse and point at this stack', async () => {
    const health = graph.local_resources.find((r) => r.name === 'health-check')!.cmd as string[]
    expect(health.slice(0, 3)).toEqual(['node', 'tools/devenv/bin/devenv.js', 'health'])
    const stackArgs = health.slice(3)
    expect(stackArgs).toEqual(['--stack', 'tilt', '--namespace', expect.stringMatching(/^ndith-/), '--offset', '0'])
    // The render the Tiltfile ran generated this stack's credentials, so its environment resolves.
    const env = await devenv(['env', ...stackArgs], { ...process.env, DEVENV_STATE_DIR: stateDir })
    expect(env.code, env.stderr).toBe(0)
    expect(env.stdout).toMatch(/^export DATABASE_URL='postgres:\/\/ndith:[^@]+@127\.0\.0\.1:5432\/ndith'$/m)
    expect(env.stdout).toContain("export REDIS_URL='redis://127.0.0.1:6379'")
    for (const r of graph.local_resources.filter((l) => triggerNames.includes(l.name))) {
      const cmd = r.cmd as string[]
      if (cmd[1] !== 'tools/devenv/bin/devenv.js') continue
      const help = await devenv([cmd[2]!, '--help'])
      expect(help.code, `${r.name}: devenv ${cmd[2]}`).toBe(0)
    }
  })

  it('runs the e2e trigger in external-target mode against the plan’s forwarded web port, with its offset and namespace', async () => {
    const e2e = (g: TiltGraph) => g.local_resources.find((r) => r.name === 'e2e')!
    const stackArgs = (graph.local_resources.find((r) => r.name === 'health-check')!.cmd as string[]).slice(3)
    expect(e2e(graph).cmd).toEqual([
      'env',
      'E2E_BASE_URL=http://localhost:5000',
      'E2E_SIMULATOR_URL=http://127.0.0.1:4000',
      `E2E_DEVENV_ARGS=${stackArgs.join(' ')}`,
      'npm', 'run', 'e2e', '-w', '@ndith/web-e2e',
    ])
    expect(e2e(graph).resource_deps).toEqual(['api', 'worker', 'web', 'provider-sim'])
    const shifted = (await evaluateTiltfile('minikube', { 'port-offset': '2' }, stateDir)).graph!
    expect(e2e(shifted).cmd).toEqual(expect.arrayContaining(['E2E_BASE_URL=http://localhost:5002', 'E2E_SIMULATOR_URL=http://127.0.0.1:4002', expect.stringMatching(/^E2E_DEVENV_ARGS=--stack tilt --namespace ndith-.+-2 --offset 2$/)]))
  })

  it('builds both images, the API with live update into every container of it, the worker’s included (manifest changes fall back to a rebuild first)', () => {
    const api = graph.docker_builds.find((b) => b.ref === 'ndith-api')!
    expect(api).toMatchObject({ context: '.', dockerfile: 'apps/api/Dockerfile' })
    expect(api.live_update![0]!.kind).toBe('fall_back_on')
    const syncs = api.live_update!.filter((s) => s.kind === 'sync').map((s) => s.args as [string, string])
    expect(syncs).toContainEqual(['apps/api/src', '/app/apps/api/src'])
    expect(syncs).toContainEqual(['apps/provider-sim/src', '/app/apps/provider-sim/src'])
    expect(api.live_update![0]!.args.flat()).toContain('apps/provider-sim/package.json')
    // `devenv rehearse` rehearses these very syncs.
    expect(syncs).toContainEqual([LIVE_SYNCS.api.local, LIVE_SYNCS.api.container])
    expect(syncs).toContainEqual([LIVE_SYNCS.worker.local, LIVE_SYNCS.worker.container])
    for (const [local] of syncs) expect(existsSync(path.join(repoRoot, local)), local).toBe(true)
    const web = graph.docker_builds.find((b) => b.ref === 'ndith-web')!
    expect(web).toMatchObject({ context: 'apps/web', only: ['dist', 'nginx.conf'] })
    expect(web.live_update).toEqual([{ kind: 'sync', args: [LIVE_SYNCS.web.local, LIVE_SYNCS.web.container] }])
    expect(LIVE_SYNCS.web).toMatchObject({ local: 'apps/web/dist', container: '/usr/share/nginx/html' })
    expect(existsSync(path.join(repoRoot, web.dockerfile!))).toBe(true)
    expect(graph.local_resources.find((r) => r.name === 'web-bundle')?.serve_cmd).toEqual(['npm', 'run', 'build', '-w', '@ndith/web', '--', '--watch'])
  })

  it('declares resources only for workloads the rendered manifests contain, and keeps the credentials out of the log', () => {
    const objects = parseYamlStream(graph.k8s_yaml[0]!)
    const workloads = objects.filter((o) => ['Deployment', 'StatefulSet', 'Job'].includes(o.kind)).map((o) => o.metadata.name)
    for (const r of graph.k8s_resources.filter((k) => k.workload)) expect(workloads, r.workload).toContain(r.workload)
    expect(graph.local_commands.every((c) => c.quiet && c.echo_off)).toBe(true)
    expect(graph.watch_files).toEqual(['k8s'])
  })

  it('deploys Prometheus and Grafana (k8s/monitoring) only with the monitoring setting, forwarded on 9090 and 9300 plus the offset', async () => {
    const names = (g: TiltGraph) => parseYamlStream(g.k8s_yaml[0]!).map((o) => `${o.kind}/${o.metadata.name}`)
    expect(names(graph)).not.toContain('Deployment/prometheus')
    expect(resource(graph, 'prometheus')).toBeUndefined()
    const monitored = (await evaluateTiltfile('minikube', { monitoring: 'true', 'port-offset': '2' }, stateDir)).graph!
    expect(names(monitored)).toEqual(expect.arrayContaining(['Deployment/prometheus', 'Deployment/grafana', 'Service/api-metrics', 'Service/worker-metrics', 'ConfigMap/grafana-dashboard']))
    expect(forwards(monitored)).toMatchObject({ prometheus: [9092, 9090], grafana: [9302, 3000] })
    expect(resource(monitored, 'prometheus')).toMatchObject({ resource_deps: ['api', 'worker'], labels: ['monitoring'], links: [{ url: 'http://localhost:9092/targets', name: 'Prometheus targets' }] })
    expect(resource(monitored, 'grafana')).toMatchObject({ resource_deps: ['prometheus'], links: [{ url: 'http://localhost:9302/d/ndith', name: 'NDITH dashboard' }] })
  })

  it('refuses a context that is not a known local cluster, before anything is deployed', async () => {
    const evaluation = await evaluateTiltfile('gke_prod_europe-west1_main', {}, stateDir)
    expect(evaluation.failed).toMatch(/^Refusing to deploy to context "gke_prod_europe-west1_main"/)
  })

  it('accepts k3s only with a registry, and then pushes images there', async () => {
    expect((await evaluateTiltfile('default', { platform: 'k3s' }, stateDir)).failed).toMatch(/--registry=/)
    const k3s = (await evaluateTiltfile('default', { platform: 'k3s', registry: 'localhost:5005' }, stateDir)).graph!
    expect(k3s.allowed_contexts).toEqual(['default'])
    expect(k3s.default_registry).toBe('localhost:5005')
  })

  it('detects kind and Docker Desktop from the context name', async () => {
    for (const [context, platform] of [['kind-ndith', 'kind'], ['docker-desktop', 'docker-desktop']]) {
      const g = (await evaluateTiltfile(context!, {}, stateDir)).graph!
      expect(g.allowed_contexts).toEqual([context])
      expect(g.prints[0]).toContain(`NDITH: ${platform} (context ${context})`)
    }
  })
})
