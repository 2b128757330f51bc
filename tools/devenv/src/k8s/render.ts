import path from 'node:path'
import { stringify } from 'yaml'
import { secretManifest, type StackSecrets } from '../stack/secrets.ts'
import { k8sDir, kustomize, type K8sObject } from './kustomize.ts'

export type Overlay = 'dev' | 'base'

export interface RenderInput {
  namespace: string
  /** The local port the browser uses for the app (CORS origins, APP_URL and so the OAuth redirect URI). */
  webPort: number
  /** The local port the browser reaches the Spotify simulator's consent page on (SIMULATOR_PUBLIC_URL). */
  simulatorPort: number
  secrets: StackSecrets
  overlay: Overlay
  /** Add the seed Job (k8s/seed). Tilt holds it back until the db-seed trigger. */
  includeSeed: boolean
  /** Add Prometheus and Grafana (k8s/monitoring), scraping the api's and the worker's /metrics. */
  monitoring?: boolean
}

/** Browsers send Origin with the forwarded port; the API must allow exactly those. */
export const corsOrigins = (webPort: number) => `http://localhost:${webPort},http://127.0.0.1:${webPort}`

/**
 * The ConfigMap values that name a port forwarded to this machine (k8s/base/config.yaml holds the
 * defaults for the default ports): what the browser is sent to, so they follow offsets and --port.
 */
export const forwardedUrls = ({ webPort, simulatorPort }: Pick<RenderInput, 'webPort' | 'simulatorPort'>) => ({
  CORS_ALLOWED_ORIGINS: corsOrigins(webPort),
  APP_URL: `http://localhost:${webPort}`,
  // A loopback IP like the OAuth redirect URI the API derives from APP_URL (Spotify refuses `localhost`).
  SIMULATOR_PUBLIC_URL: `http://127.0.0.1:${simulatorPort}`,
})

/**
 * The stack's manifests for one namespace: the Namespace itself, the generated Secret, and the
 * kustomize output with every object placed in the namespace and the browser-facing URLs (CORS
 * origins, APP_URL, SIMULATOR_PUBLIC_URL) set for the forwarded ports.
 */
export function renderObjects(input: RenderInput, env: NodeJS.ProcessEnv = process.env): K8sObject[] {
  const objects = [
    ...kustomize(path.join(k8sDir, input.overlay), env),
    ...(input.includeSeed ? kustomize(path.join(k8sDir, 'seed'), env) : []),
    ...(input.monitoring ? kustomize(path.join(k8sDir, 'monitoring'), env) : []),
  ]
  for (const object of objects) {
    object.metadata.namespace = input.namespace
    if (object.kind === 'ConfigMap' && object.metadata.name === 'ndith-config') {
      Object.assign(object.data as Record<string, string>, forwardedUrls(input))
    }
  }
  const namespace: K8sObject = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: input.namespace, labels: { 'app.kubernetes.io/part-of': 'ndith' } },
  }
  return [namespace, secretManifest(input.namespace, input.secrets) as K8sObject, ...objects]
}

export function renderYaml(objects: K8sObject[]): string {
  return objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n')
}
