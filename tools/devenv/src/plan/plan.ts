import { devenvCommand } from '../lib/paths.ts'
import type { StackOptions } from '../stack/options.ts'
import { detectPlatform, type Platform } from '../stack/platform.ts'
import { containerPorts, services, type LocalPorts, type Service } from '../stack/ports.ts'
import { triggers, type Trigger } from './triggers.ts'

/** What the Tiltfile reads (`devenv plan`): everything about the stack that is not Tilt wiring. */
export interface Plan {
  namespace: string
  portOffset: number
  platform: Platform
  /** local port → in-cluster port, per forwarded service */
  portForwards: Record<Service, { local: number; container: number }>
  tiltUiPort: number
  /** The command that starts this stack's Tilt UI on its port (differs from `tilt up` with an offset). */
  tiltUpCommand: string
  links: { app: string; apiDocs: string; apiReady: string; simulator: string; workerReady: string; tiltUi: string }
  /** devenv as the Tiltfile runs it, and the flags that point a devenv command at this stack */
  devenv: string[]
  stackArgs: string[]
  /** Rendered manifests for this stack (namespace, Secret, URLs for the forwarded ports): `devenv render` with these args */
  renderArgs: string[]
  triggers: Trigger[]
  /** Prometheus and Grafana (k8s/monitoring), when the Tilt setting `monitoring` is on. */
  monitoring: Monitoring
}

export interface Monitoring {
  enabled: boolean
  portForwards: Record<'prometheus' | 'grafana', { local: number; container: number }>
  links: { prometheus: string; grafana: string }
}

/** Local ports of the monitoring UIs at offset 0 (both follow the offset like every other forward). */
export const monitoringPorts = { prometheus: 9090, grafana: 9300 }

export interface PlanInput {
  stack: StackOptions
  context: string
  platform?: string
  registry?: string
  /** Ports given explicitly (--port), repeated in the commands the plan hands out */
  portArgs: string[]
  monitoring?: boolean
}

function tiltUpCommand(offset: number, ports: LocalPorts, portArgs: string[]): string {
  const tiltArgs = [...(offset ? [`--port-offset=${offset}`] : []), ...portArgs.map((p) => `--port=${p}`)]
  const uiFlag = ports.tiltUi === 10350 ? '' : ` --port ${ports.tiltUi}`
  return `tilt up${uiFlag}${tiltArgs.length ? ' -- ' + tiltArgs.join(' ') : ''}`
}

function monitoring(enabled: boolean, offset: number): Monitoring {
  const prometheus = monitoringPorts.prometheus + offset
  const grafana = monitoringPorts.grafana + offset
  return {
    enabled,
    portForwards: { prometheus: { local: prometheus, container: 9090 }, grafana: { local: grafana, container: 3000 } },
    links: { prometheus: `http://localhost:${prometheus}/targets`, grafana: `http://localhost:${grafana}/d/ndith` },
  }
}

export function buildPlan({ stack, context, platform, registry, portArgs, monitoring: withMonitoring = false }: PlanInput): Plan {
  const { namespace, offset, ports } = stack
  const stackArgs = ['--stack', 'tilt', '--namespace', namespace, '--offset', String(offset), ...portArgs.flatMap((p) => ['--port', p])]
  const host = (port: number, path = '') => `http://localhost:${port}${path}`
  return {
    namespace,
    portOffset: offset,
    platform: detectPlatform(context, { platform, registry }),
    portForwards: Object.fromEntries(services.map((s) => [s, { local: ports[s], container: containerPorts[s] }])) as Plan['portForwards'],
    tiltUiPort: ports.tiltUi,
    tiltUpCommand: tiltUpCommand(offset, ports, portArgs),
    links: {
      app: host(ports.web, '/'),
      apiDocs: host(ports.api, '/docs'),
      apiReady: host(ports.api, '/ready'),
      // The simulator's seeded users with their library counts (its admin API; the consent page needs a client's request).
      simulator: host(ports.simulator, '/admin/users'),
      // The worker's readiness: Postgres, Redis and each queue's depth.
      workerReady: host(ports.worker, '/ready'),
      tiltUi: host(ports.tiltUi, '/'),
    },
    devenv: [...devenvCommand],
    stackArgs,
    renderArgs: ['--namespace', namespace, '--offset', String(offset), ...portArgs.flatMap((p) => ['--port', p]), '--include-seed', ...(withMonitoring ? ['--monitoring'] : [])],
    triggers: triggers(stackArgs, ports),
    monitoring: monitoring(withMonitoring, offset),
  }
}
