import type { K8sObject } from '../../src/k8s/kustomize.ts'

/** Project rules for the manifests, beyond what the Kubernetes schemas say. */

type Container = {
  name: string
  image?: string
  imagePullPolicy?: string
  ports?: { name?: string; containerPort: number }[]
  readinessProbe?: unknown
  livenessProbe?: unknown
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> }
  env?: { name: string; valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string } } }[]
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[]
}
type PodSpec = { containers: Container[]; initContainers?: Container[]; restartPolicy?: string }
type Workload = K8sObject & { spec: { selector?: { matchLabels?: Record<string, string> }; template: { metadata: { labels: Record<string, string> }; spec: PodSpec }; backoffLimit?: number; ttlSecondsAfterFinished?: number } }

export const isWorkload = (o: K8sObject): o is Workload => ['Deployment', 'StatefulSet', 'Job'].includes(o.kind)
const longRunning = (o: K8sObject) => o.kind === 'Deployment' || o.kind === 'StatefulSet'
const allContainers = (spec: PodSpec) => [...(spec.initContainers ?? []), ...spec.containers]
const id = (o: K8sObject, c?: Container) => `${o.kind}/${o.metadata.name}${c ? ` container ${c.name}` : ''}`

/** Public images must carry an explicit, non-latest tag; every other image must be one the Tiltfile builds. */
export function imageProblems(objects: K8sObject[], builtImages: string[], publicImages: string[]): string[] {
  const problems: string[] = []
  for (const o of objects.filter(isWorkload)) {
    for (const c of allContainers(o.spec.template.spec)) {
      const [name = '', tag] = (c.image ?? '').split(':')
      if (builtImages.includes(name)) continue
      if (!publicImages.includes(name)) problems.push(`${id(o, c)}: image ${c.image} is neither built by the Tiltfile (${builtImages.join(', ')}) nor an allowed public image`)
      else if (!tag || tag === 'latest') problems.push(`${id(o, c)}: public image ${c.image} needs an explicit version tag`)
    }
  }
  return problems
}

export function ruleViolations(objects: K8sObject[], secretKeys: string[]): string[] {
  const problems: string[] = []
  const configMaps = new Set(objects.filter((o) => o.kind === 'ConfigMap').map((o) => o.metadata.name))
  for (const o of objects) {
    const labels = o.metadata.labels ?? {}
    if (!labels['app.kubernetes.io/name']) problems.push(`${id(o)}: no app.kubernetes.io/name label`)
    if (labels['app.kubernetes.io/part-of'] !== 'ndith') problems.push(`${id(o)}: app.kubernetes.io/part-of is not ndith`)
    if (!isWorkload(o)) continue
    const pod = o.spec.template.spec
    const podLabels = o.spec.template.metadata.labels ?? {}
    if (longRunning(o)) {
      const selector = o.spec.selector?.matchLabels ?? {}
      if (!Object.keys(selector).length) problems.push(`${id(o)}: empty selector`)
      for (const [k, v] of Object.entries(selector)) if (podLabels[k] !== v) problems.push(`${id(o)}: selector ${k}=${v} does not match the pod template's labels`)
      for (const c of pod.containers) {
        if (!c.readinessProbe) problems.push(`${id(o, c)}: no readinessProbe`)
        if (!c.livenessProbe) problems.push(`${id(o, c)}: no livenessProbe`)
      }
    }
    if (o.kind === 'Job') {
      if (o.spec.backoffLimit === undefined) problems.push(`${id(o)}: no backoffLimit`)
      if (o.spec.ttlSecondsAfterFinished === undefined) problems.push(`${id(o)}: no ttlSecondsAfterFinished`)
    }
    for (const c of allContainers(pod)) {
      if (!c.resources?.requests?.cpu || !c.resources.requests.memory) problems.push(`${id(o, c)}: no cpu/memory requests`)
      if (!c.resources?.limits?.memory) problems.push(`${id(o, c)}: no memory limit`)
      if (!c.imagePullPolicy) problems.push(`${id(o, c)}: no imagePullPolicy`)
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef
        if (ref && (ref.name !== 'ndith-secrets' || !secretKeys.includes(ref.key))) problems.push(`${id(o, c)}: env ${e.name} reads ${ref.name}/${ref.key}, which the generated Secret does not have`)
      }
      for (const from of c.envFrom ?? []) {
        if (from.configMapRef && !configMaps.has(from.configMapRef.name)) problems.push(`${id(o, c)}: envFrom ConfigMap ${from.configMapRef.name} does not exist`)
      }
    }
  }
  for (const service of objects.filter((o) => o.kind === 'Service')) {
    const spec = service.spec as { selector: Record<string, string>; ports: { targetPort?: string | number }[] }
    const matches = objects.filter(isWorkload).filter((w) => Object.entries(spec.selector).every(([k, v]) => w.spec.template.metadata.labels[k] === v))
    if (matches.length !== 1) problems.push(`${id(service)}: selector matches ${matches.length} workloads, not 1`)
    const portNames = matches.flatMap((w) => w.spec.template.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => p.name)))
    for (const p of spec.ports) if (typeof p.targetPort === 'string' && !portNames.includes(p.targetPort)) problems.push(`${id(service)}: targetPort ${p.targetPort} is not a named container port`)
  }
  return problems
}
