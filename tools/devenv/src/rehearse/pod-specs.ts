import type { K8sObject } from '../k8s/kustomize.ts'
import { DevenvError } from '../lib/errors.ts'

/** One container of a workload, as `docker run` needs it: what the kubelet would have run. */
export interface ContainerSpec {
  name: string
  image: string
  /** k8s `command` (replaces the image's entrypoint) and `args` (replace its CMD). */
  command: string[] | undefined
  args: string[] | undefined
  env: Record<string, string>
  /** runAsUser:runAsGroup from the container's or the pod's securityContext. */
  user: string | undefined
  probes: HttpProbe[]
}

export interface HttpProbe {
  kind: 'startup' | 'readiness' | 'liveness'
  path: string
  port: number
  /** How long the kubelet would keep trying before it gave up (startup) or restarted (liveness). */
  budgetMs: number
}

export interface WorkloadSpec {
  kind: 'Job' | 'Deployment' | 'StatefulSet'
  name: string
  initContainers: ContainerSpec[]
  containers: ContainerSpec[]
}

type Dict = Record<string, unknown>
const dict = (value: unknown): Dict => (typeof value === 'object' && value !== null ? (value as Dict) : {})
const list = (value: unknown): Dict[] => (Array.isArray(value) ? value.map(dict) : [])

/** Every ConfigMap's data and every Secret's data (stringData as is, data decoded), by name. */
function configSources(objects: K8sObject[]) {
  const configMaps = new Map<string, Record<string, string>>()
  const secrets = new Map<string, Record<string, string>>()
  for (const o of objects) {
    if (o.kind === 'ConfigMap') configMaps.set(o.metadata.name, { ...(o.data as Record<string, string>) })
    if (o.kind === 'Secret') {
      const decoded = Object.entries(dict(o.data)).map(([k, v]) => [k, Buffer.from(String(v), 'base64').toString('utf8')])
      secrets.set(o.metadata.name, { ...Object.fromEntries(decoded), ...(o.stringData as Record<string, string>) })
    }
  }
  return { configMaps, secrets }
}

function lookup(sources: Map<string, Record<string, string>>, kind: string, ref: Dict, workload: string): string {
  const value = sources.get(String(ref.name))?.[String(ref.key)]
  if (value === undefined) throw new DevenvError(`${workload} reads ${kind} ${String(ref.name)} key ${String(ref.key)}, which the manifests do not define`)
  return value
}

/** The environment the kubelet would give the container: envFrom first, then env (which wins). */
function resolveEnv(container: Dict, sources: ReturnType<typeof configSources>, workload: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const from of list(container.envFrom)) {
    const cm = dict(from.configMapRef)
    const secret = dict(from.secretRef)
    const data = cm.name ? sources.configMaps.get(String(cm.name)) : sources.secrets.get(String(secret.name))
    if (!data) throw new DevenvError(`${workload} takes its environment from ${String(cm.name ?? secret.name)}, which the manifests do not define`)
    Object.assign(env, data)
  }
  for (const entry of list(container.env)) {
    const from = dict(entry.valueFrom)
    if (from.secretKeyRef) env[String(entry.name)] = lookup(sources.secrets, 'Secret', dict(from.secretKeyRef), workload)
    else if (from.configMapKeyRef) env[String(entry.name)] = lookup(sources.configMaps, 'ConfigMap', dict(from.configMapKeyRef), workload)
    else env[String(entry.name)] = String(entry.value ?? '')
  }
  return env
}

function probes(container: Dict, workload: string): HttpProbe[] {
  const ports = new Map(list(container.ports).map((p) => [String(p.name), Number(p.containerPort)]))
  const kinds = [['startup', 'startupProbe'], ['readiness', 'readinessProbe'], ['liveness', 'livenessProbe']] as const
  return kinds.flatMap(([kind, key]) => {
    const probe = dict(container[key])
    const http = dict(probe.httpGet)
    if (!http.path) return []
    const port = typeof http.port === 'number' ? http.port : ports.get(String(http.port))
    if (!port) throw new DevenvError(`${workload}'s ${kind} probe names port ${String(http.port)}, which the container does not declare`)
    const periodMs = Number(probe.periodSeconds ?? 10) * 1000
    const budgetMs = Number(probe.initialDelaySeconds ?? 0) * 1000 + periodMs * Number(probe.failureThreshold ?? 3)
    return [{ kind, path: String(http.path), port, budgetMs }]
  })
}

function containerSpec(container: Dict, pod: Dict, sources: ReturnType<typeof configSources>, workload: string): ContainerSpec {
  const security = { ...dict(pod.securityContext), ...dict(container.securityContext) }
  const strings = (value: unknown) => (Array.isArray(value) ? value.map(String) : undefined)
  return {
    name: String(container.name),
    image: String(container.image),
    command: strings(container.command),
    args: strings(container.args),
    env: resolveEnv(container, sources, workload),
    user: security.runAsUser === undefined ? undefined : `${String(security.runAsUser)}:${String(security.runAsGroup ?? security.runAsUser)}`,
    probes: probes(container, workload),
  }
}

/** The Jobs, Deployments and StatefulSets in the manifests, with their containers resolved. */
export function workloadSpecs(objects: K8sObject[]): WorkloadSpec[] {
  const sources = configSources(objects)
  return objects
    .filter((o): o is K8sObject & { kind: WorkloadSpec['kind'] } => o.kind === 'Job' || o.kind === 'Deployment' || o.kind === 'StatefulSet')
    .map((o) => {
      const pod = dict(dict(dict(o.spec).template).spec)
      const workload = `${o.kind}/${o.metadata.name}`
      return {
        kind: o.kind,
        name: o.metadata.name,
        initContainers: list(pod.initContainers).map((c) => containerSpec(c, pod, sources, workload)),
        containers: list(pod.containers).map((c) => containerSpec(c, pod, sources, workload)),
      }
    })
}

/** The names the pods reach each other by (cluster DNS): every Service. */
export const serviceNames = (objects: K8sObject[]) => objects.filter((o) => o.kind === 'Service').map((o) => o.metadata.name)
