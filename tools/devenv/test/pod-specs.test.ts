import { describe, expect, it } from 'vitest'
import { renderObjects } from '../src/k8s/render.ts'
import { DevenvError } from '../src/lib/errors.ts'
import { serviceNames, workloadSpecs } from '../src/rehearse/pod-specs.ts'
import { generateSecrets } from '../src/stack/secrets.ts'

// What `devenv rehearse` hands to docker, read from the real manifests (no docker needed here).
const secrets = generateSecrets('ndith_spec')
const render = (overlay: 'dev' | 'base') => renderObjects({ namespace: 'spec', webPort: 5000, simulatorPort: 4000, secrets, overlay, includeSeed: true })
const workload = (overlay: 'dev' | 'base', id: string) => workloadSpecs(render(overlay)).find((w) => `${w.kind}/${w.name}` === id)!

describe('pod specs for the rehearsal', () => {
  it('give each container the environment the kubelet would: ConfigMap envFrom, then Secret keys', () => {
    const migrate = workload('base', 'Job/migrate').containers[0]!
    expect(migrate.env).toMatchObject({
      REDIS_URL: 'redis://redis:6379',
      MIGRATE_ON_START: 'false',
      DATABASE_URL: `postgres://ndith_spec:${encodeURIComponent(secrets.postgresPassword)}@postgres:5432/ndith_spec`,
    })
    expect(migrate.command).toEqual(['node', '--import', 'tsx', 'apps/api/src/db/migrate-cli.ts'])
    expect(migrate.user).toBe('1000:1000')
  })

  it('resolve named probe ports and the budget each probe allows', () => {
    const api = workload('base', 'Deployment/api').containers[0]!
    expect(api.probes.map((p) => [p.kind, p.path, p.port])).toEqual([
      ['startup', '/health', 3000],
      ['readiness', '/ready', 3000],
      ['liveness', '/health', 3000],
    ])
    expect(api.probes[0]!.budgetMs).toBe(60_000)
    expect(workload('base', 'Deployment/web').containers[0]!.user).toBe('101:101')
  })

  it('take the dev overlay’s command (the API under tsx watch, for live update)', () => {
    expect(workload('dev', 'Deployment/api').containers[0]!.command).toEqual(['node_modules/.bin/tsx', 'watch', '--clear-screen=false', 'apps/api/src/server.ts'])
    expect(workload('dev', 'Deployment/api').initContainers.map((c) => c.name)).toEqual(['wait-for-schema'])
  })

  it('list every Service name, which the rehearsal resolves to this machine', () => {
    expect(serviceNames(render('base')).sort()).toEqual(['api', 'postgres', 'provider-sim', 'redis', 'web'])
  })

  it('run the worker from the API image with its own command, the API’s environment and user, probed on 3001; the API leaves the jobs to it', () => {
    const worker = workload('base', 'Deployment/worker')
    const container = worker.containers[0]!
    expect(container.image).toBe('ndith-api:dev')
    expect(container.command).toEqual(['node', '--import', 'tsx', 'apps/api/src/worker.ts'])
    expect(workload('dev', 'Deployment/worker').containers[0]!.command).toEqual(['node_modules/.bin/tsx', 'watch', '--clear-screen=false', 'apps/api/src/worker.ts'])
    expect(worker.initContainers.map((c) => c.name)).toEqual(['wait-for-schema'])
    expect(container.user).toBe('1000:1000')
    expect(container.probes.map((p) => [p.kind, p.path, p.port])).toEqual([
      ['startup', '/health', 3001],
      ['readiness', '/ready', 3001],
      ['liveness', '/health', 3001],
    ])
    const api = workload('base', 'Deployment/api').containers[0]!
    expect(container.env).toMatchObject({ WORKER_PORT: '3001', REDIS_URL: 'redis://redis:6379', DATABASE_URL: api.env.DATABASE_URL, JWT_SECRET: api.env.JWT_SECRET, TOKEN_ENCRYPTION_KEYS: api.env.TOKEN_ENCRYPTION_KEYS, SIMULATOR_URL: api.env.SIMULATOR_URL })
    expect(api.env.RUN_WORKERS).toBe('false')
    expect(container.env.RUN_WORKERS).toBeUndefined()
  })

  it('run the simulator on 4000 as the node user, probed on /health, and give the API its URLs and the token key', () => {
    const sim = workload('base', 'Deployment/provider-sim').containers[0]!
    expect(sim.command).toEqual(['node', '--import', 'tsx', 'apps/provider-sim/src/server.ts'])
    expect(sim.env).toEqual({ HOST: '0.0.0.0', PORT: '4000' })
    expect(sim.user).toBe('1000:1000')
    expect(sim.probes.map((p) => [p.kind, p.path, p.port])).toEqual([
      ['startup', '/health', 4000],
      ['readiness', '/health', 4000],
      ['liveness', '/health', 4000],
    ])
    expect(workload('base', 'Deployment/api').containers[0]!.env).toMatchObject({
      SIMULATOR_URL: 'http://provider-sim:4000',
      SIMULATOR_PUBLIC_URL: 'http://127.0.0.1:4000',
      APP_URL: 'http://localhost:5000',
      TOKEN_ENCRYPTION_KEYS: secrets.tokenEncryptionKeys,
    })
  })

  it('refuse a reference to a Secret key the manifests do not define', () => {
    const objects = render('base')
    const secret = objects.find((o) => o.kind === 'Secret')! as unknown as { stringData: Record<string, string> }
    delete secret.stringData.JWT_SECRET
    expect(() => workloadSpecs(objects)).toThrow(DevenvError)
    expect(() => workloadSpecs(objects)).toThrow(/Deployment\/api reads Secret ndith-secrets key JWT_SECRET/)
  })
})
