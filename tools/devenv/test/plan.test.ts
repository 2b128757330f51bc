import { describe, expect, it } from 'vitest'
import { buildPlan } from '../src/plan/plan.ts'
import { defaultNamespace } from '../src/stack/namespace.ts'
import { parseStackOptions } from '../src/stack/options.ts'
import { detectPlatform } from '../src/stack/platform.ts'

const env = { USER: 'Ada.Lovelace' }
const plan = (values: Parameters<typeof parseStackOptions>[0], context = 'minikube', portArgs: string[] = []) =>
  buildPlan({ stack: parseStackOptions({ stack: 'tilt', ...values }, env), context, portArgs })

describe('devenv plan', () => {
  it('forwards the default ports with offset 0, in a namespace of the developer’s own', () => {
    const p = plan({})
    expect(p.namespace).toBe('ndith-ada-lovelace')
    expect(p.portForwards).toEqual({
      postgres: { local: 5432, container: 5432 },
      redis: { local: 6379, container: 6379 },
      api: { local: 3000, container: 3000 },
      web: { local: 5000, container: 5000 },
      simulator: { local: 4000, container: 4000 },
      // The worker's probe port, forwarded from 3500 so a second stack's API (3001 at offset 1) never meets it.
      worker: { local: 3500, container: 3001 },
    })
    expect(p.tiltUiPort).toBe(10350)
    expect(p.tiltUpCommand).toBe('tilt up')
    expect(p.links).toEqual({ app: 'http://localhost:5000/', apiDocs: 'http://localhost:3000/docs', apiReady: 'http://localhost:3000/ready', simulator: 'http://localhost:4000/admin/users', workerReady: 'http://localhost:3500/ready', tiltUi: 'http://localhost:10350/' })
  })

  it('moves every port, the Tilt UI port and the namespace with an offset, so two stacks never collide', () => {
    const p = plan({ offset: '2' })
    expect(Object.values(p.portForwards).map((f) => f.local)).toEqual([5434, 6381, 3002, 5002, 4002, 3502])
    expect(p.links.workerReady).toBe('http://localhost:3502/ready')
    expect(p.links.simulator).toBe('http://localhost:4002/admin/users')
    expect(p.namespace).toBe('ndith-ada-lovelace-2')
    expect(p.tiltUpCommand).toBe('tilt up --port 10352 -- --port-offset=2')
    expect(p.stackArgs).toEqual(['--stack', 'tilt', '--namespace', 'ndith-ada-lovelace-2', '--offset', '2'])
  })

  it('lets one service keep an explicit port and repeats it in every command it hands out', () => {
    const p = plan({ offset: '1', port: ['web=8080'] }, 'minikube', ['web=8080'])
    expect(p.portForwards.web.local).toBe(8080)
    expect(p.portForwards.api.local).toBe(3001)
    expect(p.tiltUpCommand).toBe('tilt up --port 10351 -- --port-offset=1 --port=web=8080')
    expect(p.renderArgs).toEqual(['--namespace', 'ndith-ada-lovelace-1', '--offset', '1', '--port', 'web=8080', '--include-seed'])
    const sim = plan({ port: ['simulator=4100'] }, 'minikube', ['simulator=4100'])
    expect(sim.portForwards.simulator).toEqual({ local: 4100, container: 4000 })
    expect(sim.links.simulator).toBe('http://localhost:4100/admin/users')
    expect(sim.renderArgs).toContain('simulator=4100')
  })

  it('keeps a second stack’s ports clear of the first’s at offsets 1 to 99 (the worker included)', () => {
    const first = new Set(Object.values(plan({}).portForwards).map((f) => f.local))
    for (let offset = 1; offset < 100; offset++) {
      for (const f of Object.values(plan({ offset: String(offset) }).portForwards)) expect(first.has(f.local), `offset ${offset}: ${f.local}`).toBe(false)
    }
  })

  it('refuses two services on one local port, naming both (e.g. the API moved onto the simulator’s 4000)', () => {
    expect(() => plan({ port: ['api=4000'] })).toThrow(/two forwarded ports are the same: api and simulator on 4000/)
    expect(() => plan({ offset: '1', port: ['simulator=3001'] })).toThrow(/api and simulator on 3001/)
    expect(() => plan({ port: ['web=10350'] })).toThrow(/web and tilt ui on 10350/)
    expect(() => plan({ port: ['worker=3000'] })).toThrow(/api and worker on 3000/)
  })

  it('lists the design document’s manual triggers with labels and dependencies', () => {
    const p = plan({})
    expect(p.triggers.map((t) => [t.name, t.label, t.deps])).toEqual([
      ['health-check', 'checks', ['api', 'web', 'worker']],
      ['load-test', 'checks', ['api', 'worker']],
      ['db-migrate', 'database', ['postgres']],
      ['db-seed', 'database', ['migrate']],
      ['db-reset', 'database', ['postgres']],
      ['backend-tests', 'tests', ['postgres', 'redis']],
      ['frontend-tests', 'tests', []],
      ['all-tests', 'tests', ['postgres', 'redis']],
      ['e2e', 'tests', ['api', 'worker', 'web', 'provider-sim']],
    ])
    expect(p.triggers.find((t) => t.name === 'db-seed')).toMatchObject({ job: 'seed' })
    expect(p.triggers.find((t) => t.name === 'load-test')?.cmd).toEqual(['node', 'tools/devenv/bin/devenv.js', 'load-test', ...p.stackArgs])
    expect(p.triggers.find((t) => t.name === 'db-reset')?.cmd).toEqual(['node', 'tools/devenv/bin/devenv.js', 'reset', '--yes', ...p.stackArgs])
    expect(p.triggers.find((t) => t.name === 'backend-tests')?.cmd?.slice(0, 3 + p.stackArgs.length + 1)).toEqual(['node', 'tools/devenv/bin/devenv.js', 'exec', ...p.stackArgs, '--'])
  })

  it('rejects bad input with the fix: offsets, ports and namespaces', () => {
    expect(() => plan({ offset: '-1' })).toThrow(/--offset is "-1"/)
    expect(() => plan({ port: ['db=5433'] })).toThrow(/--port "db=5433" is not <service>=<port>/)
    expect(() => plan({ namespace: 'Team_A' })).toThrow(/namespace "Team_A" is not a valid Kubernetes name/)
    expect(() => plan({ offset: '1000' })).toThrow(/--offset is "1000", not a whole number from 0 to 999/)
  })
})

describe('platform detection', () => {
  it.each([
    ['minikube', 'minikube'],
    ['kind-ndith', 'kind'],
    ['k3d-dev', 'k3d'],
    ['docker-desktop', 'docker-desktop'],
    ['rancher-desktop', 'rancher-desktop'],
    ['orbstack', 'orbstack'],
  ])('recognises %s as %s and allows it', (context, name) => {
    expect(detectPlatform(context)).toMatchObject({ name, allowed: true, registry: null })
  })

  it('refuses an unknown context and says how to switch or declare a local one', () => {
    const p = detectPlatform('arn:aws:eks:eu-west-1:123:cluster/prod')
    expect(p.allowed).toBe(false)
    expect(p.message).toContain('kubectl config use-context minikube')
    expect(p.message).toContain('tilt up -- --platform=')
  })

  it('refuses when kubectl has no context at all', () => {
    expect(detectPlatform('')).toMatchObject({ allowed: false, message: expect.stringContaining('minikube start') })
  })

  it('needs a registry for k3s and uses it for any platform when given', () => {
    expect(detectPlatform('default', { platform: 'k3s' })).toMatchObject({ allowed: false, message: expect.stringContaining('--registry=') })
    expect(detectPlatform('default', { platform: 'k3s', registry: 'localhost:5005' })).toMatchObject({ name: 'k3s', allowed: true, registry: 'localhost:5005' })
    expect(detectPlatform('kind-x', { registry: 'localhost:5005' }).registry).toBe('localhost:5005')
    expect(detectPlatform('minikube', { platform: 'nomad' })).toMatchObject({ allowed: false })
  })
})

describe('default namespace', () => {
  it('is a valid Kubernetes name whatever the user name looks like', () => {
    expect(defaultNamespace(0, { USER: 'J.Doe_99' })).toBe('ndith-j-doe-99')
    expect(defaultNamespace(3, { USER: '___' })).toBe('ndith-dev-3')
  })
})
