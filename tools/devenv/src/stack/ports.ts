import { DevenvError } from '../lib/errors.ts'

/** The services the Tilt stack forwards to this machine, with their in-cluster ports. */
export const services = ['postgres', 'redis', 'api', 'web', 'simulator', 'worker'] as const
export type Service = (typeof services)[number]

/**
 * simulator: the Spotify simulator (apps/provider-sim), whose consent page the browser opens.
 * worker: the worker's probe port (/health, /ready with the queue depths), for `devenv health`.
 */
export const containerPorts: Record<Service, number> = { postgres: 5432, redis: 6379, api: 3000, web: 5000, simulator: 4000, worker: 3001 }

/**
 * Local ports at offset 0: the in-cluster ones, except the worker's, forwarded from 3500 so that a
 * second stack at offset 1 (its API on 3001) does not meet the first stack's worker.
 */
export const defaultLocalPorts: Record<Service, number> = { ...containerPorts, worker: 3500 }

/** Tilt's own web UI (`tilt up --port`). */
export const tiltUiPort = 10350

export interface PortSettings {
  /** Added to every default port, so a second stack on one machine can use offset 1, 2, ... */
  offset: number
  /** Explicit local ports (`--port api=3005`); these ignore the offset. */
  overrides: Partial<Record<Service, number>>
}

export type LocalPorts = Record<Service, number> & { tiltUi: number }

export function localPorts({ offset, overrides }: PortSettings): LocalPorts {
  const ports = Object.fromEntries(services.map((s) => [s, overrides[s] ?? defaultLocalPorts[s] + offset])) as Record<Service, number>
  return { ...ports, tiltUi: tiltUiPort + offset }
}

/**
 * Two forwards on one local port cannot both listen (e.g. `--port api=4000` beside the simulator's
 * default 4000): refused before Tilt starts, with the services named.
 */
export function assertDistinctPorts(ports: LocalPorts): void {
  const byPort = new Map<number, string[]>()
  for (const [name, port] of Object.entries(ports)) byPort.set(port, [...(byPort.get(port) ?? []), name === 'tiltUi' ? 'tilt ui' : name])
  const clashes = [...byPort].filter(([, names]) => names.length > 1)
  if (clashes.length) {
    const described = clashes.map(([port, names]) => `${names.join(' and ')} on ${port}`).join('; ')
    throw new DevenvError(`two forwarded ports are the same: ${described}`, 'give each service its own port with --port SERVICE=PORT')
  }
}

export function parseOffset(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0
  const offset = Number(raw)
  if (!Number.isInteger(offset) || offset < 0 || offset > 999) {
    throw new DevenvError(`--offset is "${raw}", not a whole number from 0 to 999`, 'use e.g. --offset 1 for a second stack')
  }
  return offset
}

const validPort = (n: number) => Number.isInteger(n) && n >= 1 && n <= 65535

/** `["api=3005", "web=5005"]` → `{ api: 3005, web: 5005 }` */
export function parsePortOverrides(values: string[] = []): Partial<Record<Service, number>> {
  const overrides: Partial<Record<Service, number>> = {}
  for (const value of values) {
    const [name, raw] = value.split('=')
    const port = Number(raw)
    if (!services.includes(name as Service) || !validPort(port)) {
      throw new DevenvError(`--port "${value}" is not <service>=<port>`, `services: ${services.join(', ')}; e.g. --port api=3005 or --port simulator=4005`)
    }
    overrides[name as Service] = port
  }
  return overrides
}
