import { localPorts, type LocalPorts, type Service } from '../stack/ports.ts'
import { isPortBusy, portHolder, type PortHolder } from './probe.ts'

export interface PortStatus {
  name: Service | 'tiltUi'
  port: number
  busy: boolean
  holder?: PortHolder
}

export interface PortReport {
  ports: PortStatus[]
  /** The smallest offset at which every offset-following port is free, when some are busy. */
  suggestedOffset?: number
}

async function statuses(ports: LocalPorts, env: NodeJS.ProcessEnv): Promise<PortStatus[]> {
  const entries = Object.entries(ports) as [PortStatus['name'], number][]
  return Promise.all(
    entries.map(async ([name, port]) => {
      const busy = await isPortBusy(port)
      return { name, port, busy, ...(busy ? { holder: portHolder(port, env) } : {}) }
    }),
  )
}

async function allFree(ports: LocalPorts): Promise<boolean> {
  for (const port of Object.values(ports)) if (await isPortBusy(port)) return false
  return true
}

/** Checks every port the Tilt stack forwards, and Tilt's UI port; proposes a free offset if needed. */
export async function checkPorts(offset: number, overrides: Partial<Record<Service, number>>, env: NodeJS.ProcessEnv = process.env): Promise<PortReport> {
  const ports = await statuses(localPorts({ offset, overrides }), env)
  if (!ports.some((p) => p.busy)) return { ports }
  for (let candidate = offset + 1; candidate <= offset + 50; candidate++) {
    if (await allFree(localPorts({ offset: candidate, overrides: {} }))) return { ports, suggestedOffset: candidate }
  }
  return { ports }
}
