import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { k8sDir, kustomize, type K8sObject } from '../src/k8s/kustomize.ts'
import { repoRoot } from '../src/lib/paths.ts'

/** nginx.conf's locations that proxy to the API: modifier (=, ~, or prefix) and pattern. */
function proxiedLocations(conf: string) {
  return [...conf.matchAll(/location\s+(=|~\*?|\^~)?\s*(\S+)\s*\{([^}]*)\}/g)]
    .filter(([, , , body]) => /proxy_pass\s/.test(body!))
    .map(([, modifier, pattern]) => ({ modifier: modifier ?? '', pattern: pattern! }))
}

/** Whether nginx would send this (already normalised) path to that location. */
function matches(location: { modifier: string; pattern: string }, uri: string) {
  if (location.modifier === '=') return uri === location.pattern
  if (location.modifier.startsWith('~')) return new RegExp(location.pattern, location.modifier === '~*' ? 'i' : '').test(uri)
  return uri.startsWith(location.pattern)
}

let base: K8sObject[]
beforeAll(() => {
  base = kustomize(path.join(k8sDir, 'base'))
})

describe('/metrics stays inside the cluster', () => {
  it('the web app’s nginx proxies /api/, /health, /ready and /docs to the API, never /metrics (nginx matches the normalised path, so /api/../metrics is /metrics too)', () => {
    const locations = proxiedLocations(readFileSync(path.join(repoRoot, 'apps/web/nginx.conf'), 'utf8'))
    expect(locations.map((l) => l.pattern)).toEqual(['/api/', '^/(health|ready)$', '/docs'])
    expect(locations.some((l) => matches(l, '/api/v1/artists'))).toBe(true)
    for (const uri of ['/metrics', '/metrics/', '/METRICS']) expect(locations.filter((l) => matches(l, uri)), uri).toEqual([])
  })

  it('no Service is reachable from outside the cluster (no NodePort, LoadBalancer or Ingress), and the API and the worker read METRICS_TOKEN from the generated Secret', () => {
    expect(base.filter((o) => o.kind === 'Ingress')).toEqual([])
    for (const service of base.filter((o) => o.kind === 'Service')) expect((service.spec as { type?: string }).type ?? 'ClusterIP', service.metadata.name).toBe('ClusterIP')
    for (const name of ['api', 'worker']) {
      const deployment = base.find((o) => o.kind === 'Deployment' && o.metadata.name === name)!
      const env = (deployment.spec as { template: { spec: { containers: { env: { name: string; valueFrom?: unknown }[] }[] } } }).template.spec.containers[0]!.env
      expect(env.find((e) => e.name === 'METRICS_TOKEN')?.valueFrom, name).toEqual({ secretKeyRef: { name: 'ndith-secrets', key: 'METRICS_TOKEN' } })
    }
  })
})
