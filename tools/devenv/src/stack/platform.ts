/** Local Kubernetes platforms the Tiltfile deploys to, and how images reach each. */
export const platforms = ['minikube', 'kind', 'k3d', 'k3s', 'docker-desktop', 'rancher-desktop', 'orbstack'] as const
export type PlatformName = (typeof platforms)[number]

export interface Platform {
  context: string
  name: PlatformName | null
  /** false: the Tiltfile stops with `message` before touching the cluster */
  allowed: boolean
  /** For the Tiltfile's default_registry(); null when images need no registry. */
  registry: string | null
  message: string
}

const imageDelivery: Record<PlatformName, string> = {
  minikube: "images are built straight into minikube's Docker daemon (minikube started with --container-runtime=docker)",
  kind: 'images are loaded into the kind nodes after each build (kind load)',
  k3d: "images are pushed to the registry the cluster advertises (k3d cluster create --registry-create)",
  k3s: 'images are pushed to the registry given with --registry',
  'docker-desktop': "images are built by Docker Desktop's daemon, which the cluster shares",
  'rancher-desktop': "images are built by Rancher Desktop's daemon (dockerd/moby runtime), which the cluster shares",
  orbstack: "images are built by OrbStack's daemon, which the cluster shares",
}

/** The platform a context name reveals; k3s ("default") and renamed contexts need --platform. */
export function platformFromContext(context: string): PlatformName | null {
  if (context === 'minikube') return 'minikube'
  if (context.startsWith('kind-')) return 'kind'
  if (context.startsWith('k3d-')) return 'k3d'
  if (context === 'docker-desktop' || context === 'docker-for-desktop') return 'docker-desktop'
  if (context === 'rancher-desktop') return 'rancher-desktop'
  if (context === 'orbstack') return 'orbstack'
  return null
}

const isPlatform = (value: string): value is PlatformName => (platforms as readonly string[]).includes(value)

export function detectPlatform(context: string, settings: { platform?: string; registry?: string } = {}): Platform {
  const registry = settings.registry || null
  if (!context) {
    return {
      context,
      name: null,
      allowed: false,
      registry,
      message: 'kubectl has no current context. Start a local cluster (minikube start) or pick one: kubectl config use-context minikube',
    }
  }
  if (settings.platform && !isPlatform(settings.platform)) {
    return { context, name: null, allowed: false, registry, message: `--platform "${settings.platform}" is not one of ${platforms.join(', ')}` }
  }
  const name = (settings.platform as PlatformName | undefined) ?? platformFromContext(context)
  if (!name) {
    return {
      context,
      name: null,
      allowed: false,
      registry,
      message:
        `Refusing to deploy to context "${context}": it is not a known local cluster (minikube, kind-*, k3d-*, docker-desktop, rancher-desktop, orbstack), ` +
        'so it could be a shared or production cluster. Switch with `kubectl config use-context minikube`, ' +
        `or, if "${context}" is a local cluster of yours, say which: tilt up -- --platform=<${platforms.join('|')}>`,
    }
  }
  if (name === 'k3s' && !registry) {
    return {
      context,
      name,
      allowed: false,
      registry,
      message: 'k3s runs containerd with no Docker daemon for Tilt to build into: run a local registry and pass it, e.g. tilt up -- --platform=k3s --registry=localhost:5005',
    }
  }
  return { context, name, allowed: true, registry, message: `${name} (context ${context}): ${imageDelivery[name]}` }
}
