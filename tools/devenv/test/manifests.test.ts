import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse, parseAllDocuments } from 'yaml'
import { k8sDir, kustomize, parseYamlStream, type K8sObject } from '../src/k8s/kustomize.ts'
import { renderObjects } from '../src/k8s/render.ts'
import { loadOrCreateSecrets, secretManifest } from '../src/stack/secrets.ts'
import { imageProblems, isWorkload, ruleViolations } from './support/k8s-rules.ts'
import { validateAgainstKubernetesSchemas } from './support/k8s-schema.ts'
import { evaluateTiltfile } from './support/tiltfile.ts'

const publicImages = ['postgres', 'redis']
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.yaml') ? [path.join(dir, e.name)] : []))

let stateDir: string
let base: K8sObject[]
let dev: K8sObject[]
let seed: K8sObject[]
let builtImages: string[]
const secretKeys = Object.keys(secretManifest('x', { postgresUser: '', postgresPassword: '', postgresDb: '', jwtSecret: '', tokenEncryptionKeys: '', metricsToken: '' }).stringData)

beforeAll(async () => {
  stateDir = mkdtempSync(path.join(tmpdir(), 'devenv-manifests-'))
  base = kustomize(path.join(k8sDir, 'base'))
  dev = kustomize(path.join(k8sDir, 'dev'))
  seed = kustomize(path.join(k8sDir, 'seed'))
  const tilt = await evaluateTiltfile('minikube', {}, stateDir)
  builtImages = tilt.graph!.docker_builds.map((b) => b.ref)
})
afterAll(() => rmSync(stateDir, { recursive: true, force: true }))

describe('the Kubernetes manifests (k8s/)', () => {
  it('are valid Kubernetes objects, with unknown fields rejected, in every kustomization', async () => {
    expect(await validateAgainstKubernetesSchemas([...base, ...dev, ...seed])).toEqual([])
  })

  it('would reject a misspelled field such as imagePullPolcy (the validator is strict)', async () => {
    const api = structuredClone(base.find((o) => o.kind === 'Deployment' && o.metadata.name === 'api')!) as K8sObject & { spec: { template: { spec: { containers: Record<string, unknown>[] } } } }
    const container = api.spec.template.spec.containers[0]!
    container.imagePullPolcy = container.imagePullPolicy
    delete container.imagePullPolicy
    const errors = await validateAgainstKubernetesSchemas([api])
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^Deployment\/api: .*'imagePullPolcy' does not exist in type 'IContainer'\. Did you mean to write 'imagePullPolicy'\?/)
  })

  it('would reject a wrong type and a value outside an enum', async () => {
    const web = structuredClone(base.find((o) => o.kind === 'Deployment' && o.metadata.name === 'web')!) as K8sObject & { spec: { replicas: unknown; template: { spec: { containers: Record<string, unknown>[] } } } }
    web.spec.replicas = 'one'
    web.spec.template.spec.containers[0]!.imagePullPolicy = 'Sometimes'
    const errors = (await validateAgainstKubernetesSchemas([web])).join('\n')
    expect(errors).toMatch(/replicas must be integer/)
    expect(errors).toMatch(/"Sometimes"/)
  })

  it('keep the base namespace-free: no source file and no kustomization sets a namespace', () => {
    for (const file of sourceFiles(k8sDir)) {
      for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
        const object = doc.toJS() as { namespace?: string; metadata?: { namespace?: string } }
        expect(object.metadata?.namespace, file).toBeUndefined()
        expect(object.namespace, file).toBeUndefined()
      }
    }
  })

  it('follow the project rules: labels, matching selectors, probes, requests and limits, pull policies, Job limits, known Secret keys', () => {
    expect(ruleViolations(base, secretKeys)).toEqual([])
    expect(ruleViolations([...dev, ...seed], secretKeys)).toEqual([])
  })

  it('use only images the Tiltfile builds, or public images with a pinned tag', () => {
    expect(builtImages.sort()).toEqual(['ndith-api', 'ndith-web'])
    expect(imageProblems([...dev, ...seed], builtImages, publicImages)).toEqual([])
  })

  it('give the rules teeth: a container without probes or requests, a Job without backoffLimit and an unbuilt image are reported', () => {
    const broken = structuredClone(dev).filter(isWorkload)
    const redis = broken.find((o) => o.metadata.name === 'redis')!
    delete redis.spec.template.spec.containers[0]!.readinessProbe
    delete redis.spec.template.spec.containers[0]!.resources
    delete broken.find((o) => o.metadata.name === 'migrate')!.spec.backoffLimit
    broken.find((o) => o.metadata.name === 'web')!.spec.template.spec.containers[0]!.image = 'ndith-admin:dev'
    const problems = [...ruleViolations(broken, secretKeys), ...imageProblems(broken, builtImages, publicImages)]
    expect(problems).toEqual(
      expect.arrayContaining([
        'Deployment/redis container redis: no readinessProbe',
        'Deployment/redis container redis: no cpu/memory requests',
        'Job/migrate: no backoffLimit',
        expect.stringContaining('Deployment/web container web: image ndith-admin:dev is neither built by the Tiltfile'),
      ]),
    )
  })

  it('run the worker as its own Deployment with the API’s security context and resources, and the api with RUN_WORKERS=false', () => {
    type Pod = { securityContext: unknown; terminationGracePeriodSeconds: number; containers: { securityContext: unknown; resources: unknown; env: { name: string; value?: string }[] }[] }
    const pod = (name: string) => (base.find((o) => o.kind === 'Deployment' && o.metadata.name === name)!.spec as { template: { spec: Pod } }).template.spec
    const [worker, api] = [pod('worker'), pod('api')]
    expect(worker.securityContext).toEqual(api.securityContext)
    expect(worker.containers[0]!.securityContext).toEqual(api.containers[0]!.securityContext)
    expect(worker.containers[0]!.resources).toMatchObject({ requests: { cpu: expect.any(String), memory: expect.any(String) }, limits: { memory: expect.any(String) } })
    // Longer than the worker's 45 s drain, so a running job commits before the kubelet kills it.
    expect(worker.terminationGracePeriodSeconds).toBeGreaterThan(45)
    expect(api.containers[0]!.env).toContainEqual({ name: 'RUN_WORKERS', value: 'false' })
    expect(base.some((o) => o.kind === 'Service' && o.metadata.name === 'worker')).toBe(false)
  })

  it('give the API and the web pod a preStop pause and a grace period that covers it, the API’s drain and its close', () => {
    type Pod = { terminationGracePeriodSeconds: number; containers: { lifecycle?: { preStop?: { sleep?: { seconds: number } } }; env?: { name: string; value?: string }[] }[] }
    const pod = (name: string) => (base.find((o) => o.kind === 'Deployment' && o.metadata.name === name)!.spec as { template: { spec: Pod } }).template.spec
    const [api, web] = [pod('api'), pod('web')]
    const pause = (p: Pod) => p.containers[0]!.lifecycle?.preStop?.sleep?.seconds ?? 0
    const drainMs = Number(api.containers[0]!.env!.find((e) => e.name === 'SHUTDOWN_DRAIN_MS')?.value)
    expect(pause(api)).toBeGreaterThanOrEqual(3)
    expect(drainMs).toBeGreaterThan(0)
    // preStop, then the drain, then up to 10 s for in-flight requests (server.ts), all inside the grace period.
    expect(api.terminationGracePeriodSeconds).toBeGreaterThan(pause(api) + drainMs / 1000 + 10)
    expect(pause(web)).toBeGreaterThanOrEqual(3)
    expect(web.terminationGracePeriodSeconds).toBeGreaterThan(pause(web))
  })

  it('run the API, the worker and the simulator in watch mode only in the dev overlay; the base runs them plainly', () => {
    const command = (objects: K8sObject[], name = 'api') =>
      ((objects.find((o) => o.metadata.name === name && o.kind === 'Deployment')!.spec as { template: { spec: { containers: { command: string[] }[] } } }).template.spec.containers[0]!.command)
    expect(command(base)).toEqual(['node', '--import', 'tsx', 'apps/api/src/server.ts'])
    expect(command(dev)).toContain('watch')
    expect(command(base, 'provider-sim')).toEqual(['node', '--import', 'tsx', 'apps/provider-sim/src/server.ts'])
    expect(command(dev, 'provider-sim')).toEqual(expect.arrayContaining(['watch', 'apps/provider-sim/src/server.ts']))
    expect(command(base, 'worker')).toEqual(['node', '--import', 'tsx', 'apps/api/src/worker.ts'])
    expect(command(dev, 'worker')).toEqual(expect.arrayContaining(['watch', 'apps/api/src/worker.ts']))
  })

  it('loosen the registration and sign-in limits only in the dev overlay (test runs against the stack); the base keeps the API defaults', () => {
    const config = (objects: K8sObject[]) => objects.find((o) => o.kind === 'ConfigMap')!.data as Record<string, string>
    expect(Object.keys(config(base)).filter((k) => k.startsWith('RATE_LIMIT'))).toEqual([])
    expect(config(dev)).toMatchObject({ RATE_LIMIT_REGISTER_PER_IP: '1000/10m', RATE_LIMIT_LOGIN_PER_IP: '1000/10m' })
    expect(config(dev).APP_URL).toBe(config(base).APP_URL)
  })

  it('run the Spotify simulator as one replica (its state is in memory) of the API image behind a Service on 4000, and point the API at it', () => {
    type Pod = { containers: { image: string; ports: { containerPort: number }[]; env: { name: string; value?: string; valueFrom?: { secretKeyRef?: { key: string } } }[]; readinessProbe: { httpGet: { path: string } } }[] }
    const sim = base.find((o) => o.kind === 'Deployment' && o.metadata.name === 'provider-sim')!
    const spec = sim.spec as { replicas: number; template: { spec: Pod } }
    expect(spec.replicas).toBe(1)
    const container = spec.template.spec.containers[0]!
    expect(container.image).toBe('ndith-api:dev')
    expect(container.ports.map((p) => p.containerPort)).toEqual([4000])
    expect(container.env).toEqual(expect.arrayContaining([{ name: 'HOST', value: '0.0.0.0' }, { name: 'PORT', value: '4000' }]))
    expect(container.readinessProbe.httpGet.path).toBe('/health')
    const service = base.find((o) => o.kind === 'Service' && o.metadata.name === 'provider-sim')!
    expect((service.spec as { ports: { port: number }[] }).ports[0]!.port).toBe(4000)
    const config = base.find((o) => o.kind === 'ConfigMap')!.data as Record<string, string>
    expect(config).toMatchObject({ SIMULATOR_URL: 'http://provider-sim:4000', SIMULATOR_PUBLIC_URL: 'http://127.0.0.1:4000', APP_URL: 'http://localhost:5000' })
    const api = (base.find((o) => o.kind === 'Deployment' && o.metadata.name === 'api')!.spec as { template: { spec: Pod } }).template.spec.containers[0]!
    expect(api.env.find((e) => e.name === 'TOKEN_ENCRYPTION_KEYS')?.valueFrom?.secretKeyRef?.key).toBe('TOKEN_ENCRYPTION_KEYS')
  })

  it('keep the seed Job out of the base: it only runs when asked', () => {
    expect(base.some((o) => o.metadata.name === 'seed')).toBe(false)
    expect(seed.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Job/seed'])
  })
})

describe('devenv render', () => {
  it('places every object in the namespace, adds the Namespace and the generated Secret, and sets the browser-facing URLs for the forwarded ports', () => {
    const secrets = loadOrCreateSecrets('ndith-render-test', path.join(stateDir, 'secrets'))
    const objects = renderObjects({ namespace: 'ndith-render-test', webPort: 5003, simulatorPort: 4003, secrets, overlay: 'dev', includeSeed: true })
    expect(objects[0]).toMatchObject({ kind: 'Namespace', metadata: { name: 'ndith-render-test' } })
    expect(objects.slice(1).every((o) => o.metadata.namespace === 'ndith-render-test')).toBe(true)
    const secret = objects.find((o) => o.kind === 'Secret') as K8sObject & { stringData: Record<string, string> }
    expect(Object.keys(secret.stringData).sort()).toEqual([...secretKeys].sort())
    expect(secret.stringData.DATABASE_URL).toBe(`postgres://ndith:${secrets.postgresPassword}@postgres:5432/ndith`)
    expect(secret.stringData.JWT_SECRET!.length).toBeGreaterThanOrEqual(32)
    const config = objects.find((o) => o.kind === 'ConfigMap') as K8sObject & { data: Record<string, string> }
    expect(config.data.CORS_ALLOWED_ORIGINS).toBe('http://localhost:5003,http://127.0.0.1:5003')
    expect(config.data.APP_URL).toBe('http://localhost:5003')
    expect(config.data.SIMULATOR_PUBLIC_URL).toBe('http://127.0.0.1:4003')
    // In the cluster the API calls the simulator's Service, whatever the forwarded port.
    expect(config.data.SIMULATOR_URL).toBe('http://provider-sim:4000')
    expect(secret.stringData.TOKEN_ENCRYPTION_KEYS).toBe(secrets.tokenEncryptionKeys)
    expect(objects.some((o) => o.kind === 'Job' && o.metadata.name === 'seed')).toBe(true)
  })

  it('renders objects that are still valid Kubernetes objects', async () => {
    const secrets = loadOrCreateSecrets('ndith-render-test', path.join(stateDir, 'secrets'))
    const objects = renderObjects({ namespace: 'ndith-render-test', webPort: 5000, simulatorPort: 4000, secrets, overlay: 'base', includeSeed: false })
    expect(await validateAgainstKubernetesSchemas(objects)).toEqual([])
    expect(parseYamlStream('a: 1\n---\n---\nb: 2\n')).toHaveLength(2)
  })
})

describe('the monitoring overlay (k8s/monitoring), validated offline like the rest', () => {
  type Pod = { containers: { name: string; image: string; ports?: { name: string; containerPort: number }[]; volumeMounts?: { name: string; mountPath: string }[] }[]; volumes?: { name: string; secret?: { secretName: string; items: { key: string }[] } }[] }
  let monitoring: K8sObject[]
  const find = (objects: K8sObject[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name)!
  const pod = (objects: K8sObject[], name: string) => (find(objects, 'Deployment', name).spec as { template: { spec: Pod } }).template.spec
  const configFile = (name: string, file: string) => (find(monitoring, 'ConfigMap', name).data as Record<string, string>)[file]!
  beforeAll(() => {
    monitoring = kustomize(path.join(k8sDir, 'monitoring'))
  })

  it('holds valid Kubernetes objects that follow the project rules, with pinned public images (prom/prometheus, grafana/grafana)', async () => {
    expect(monitoring.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      'ConfigMap/grafana-dashboard', 'ConfigMap/grafana-provisioning', 'ConfigMap/prometheus-config',
      'Deployment/grafana', 'Deployment/prometheus', 'Service/api-metrics', 'Service/grafana', 'Service/prometheus', 'Service/worker-metrics',
    ])
    expect(await validateAgainstKubernetesSchemas(monitoring)).toEqual([])
    expect(ruleViolations([...dev, ...monitoring], secretKeys)).toEqual([])
    expect(imageProblems(monitoring, builtImages, ['prom/prometheus', 'grafana/grafana'])).toEqual([])
  })

  it('has Prometheus scrape every api and worker pod on its /metrics port, with the METRICS_TOKEN from the generated Secret', () => {
    const config = parse(configFile('prometheus-config', 'prometheus.yml')) as { scrape_configs: { job_name: string; metrics_path: string; authorization: { type: string; credentials_file: string }; dns_sd_configs: { names: string[]; port: number }[] }[] }
    const jobs = Object.fromEntries(config.scrape_configs.map((j) => [j.job_name, j]))
    const prometheus = pod(monitoring, 'prometheus')
    const tokenMount = prometheus.containers[0]!.volumeMounts!.find((m) => m.name === 'metrics-token')!.mountPath
    expect(prometheus.volumes!.find((v) => v.name === 'metrics-token')?.secret).toEqual({ secretName: 'ndith-secrets', items: [{ key: 'METRICS_TOKEN', path: 'METRICS_TOKEN' }] })
    expect(secretKeys).toContain('METRICS_TOKEN')
    for (const [job, service, workload, port] of [['ndith-api', 'api-metrics', 'api', 'http'], ['ndith-worker', 'worker-metrics', 'worker', 'probes']] as const) {
      const containerPort = pod(dev, workload).containers[0]!.ports!.find((p) => p.name === port)!.containerPort
      expect(jobs[job]).toMatchObject({ metrics_path: '/metrics', authorization: { type: 'Bearer', credentials_file: `${tokenMount}/METRICS_TOKEN` }, dns_sd_configs: [{ names: [service], port: containerPort }] })
      // Headless: one DNS record per pod, so every replica is scraped, not one behind a virtual IP.
      expect(find(monitoring, 'Service', service).spec).toMatchObject({ clusterIP: 'None', selector: { 'app.kubernetes.io/name': workload }, ports: [{ port: containerPort, targetPort: port }] })
    }
  })

  it('provisions Grafana with the Prometheus datasource and a dashboard of request rate, p99, errors, the pool and queue depth', () => {
    const datasource = (parse(configFile('grafana-provisioning', 'grafana-datasource.yaml')) as { datasources: { uid: string; url: string }[] }).datasources[0]!
    const prometheusPort = (find(monitoring, 'Service', 'prometheus').spec as { ports: { port: number }[] }).ports[0]!.port
    expect(datasource.url).toBe(`http://prometheus:${prometheusPort}`)
    const provider = (parse(configFile('grafana-provisioning', 'grafana-dashboards.yaml')) as { providers: { options: { path: string } }[] }).providers[0]!
    expect(pod(monitoring, 'grafana').containers[0]!.volumeMounts!.find((m) => m.name === 'dashboard')!.mountPath).toBe(provider.options.path)
    const dashboard = JSON.parse(configFile('grafana-dashboard', 'ndith-dashboard.json')) as { uid: string; panels: { title: string; datasource: { uid: string }; targets: { expr: string }[] }[] }
    expect(dashboard.uid).toBe('ndith')
    for (const panel of dashboard.panels) expect(panel.datasource.uid, panel.title).toBe(datasource.uid)
    const expressions = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)).join('\n')
    for (const series of ['rate(ndith_http_requests_total', 'histogram_quantile(0.99, sum by (le, route) (rate(ndith_http_request_duration_seconds_bucket', 'ndith_http_errors_total', 'ndith_db_pool_waiting_requests', 'ndith_queue_depth', 'ndith_jobs_total', 'process_resident_memory_bytes']) {
      expect(expressions).toContain(series)
    }
  })

  it('is rendered into the stack’s namespace by devenv render --monitoring, and left out without it', () => {
    const secrets = loadOrCreateSecrets('ndith-render-test', path.join(stateDir, 'secrets'))
    const input = { namespace: 'ndith-render-test', webPort: 5000, simulatorPort: 4000, secrets, overlay: 'dev' as const, includeSeed: false }
    const objects = renderObjects({ ...input, monitoring: true })
    expect(find(objects, 'Deployment', 'prometheus').metadata.namespace).toBe('ndith-render-test')
    expect(renderObjects(input).some((o) => o.metadata.name === 'prometheus')).toBe(false)
  })
})
