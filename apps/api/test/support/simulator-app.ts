import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll } from 'vitest'
import { startWorkers } from '../../src/workers.ts'
import { startSimulator, type Simulator } from './simulator.ts'
import { createTestApp, testConfig, type TestApp } from './test-app.ts'

export interface SimulatorApp {
  sim: Simulator
  t: TestApp
}

/**
 * For a test file: the simulator process, the app offering it as "Spotify (simulated)", and the
 * app's workers (scans, runs) running; all stopped after the file. Read the fields inside tests.
 */
export function useSimulatorApp(): SimulatorApp {
  const context = {} as SimulatorApp
  let workers: { stop(): void } | undefined
  beforeAll(async () => {
    context.sim = await startSimulator()
    const { clientId, accountsUrl, apiUrl } = context.sim
    context.t = await createTestApp({
      config: {
        connections: {
          ...testConfig.connections,
          tokenEncryptionKeys: [{ id: 'k1', key: randomBytes(32) }],
          simulator: { clientId, accountsUrl, authorizeBaseUrl: accountsUrl, apiUrl },
        },
      },
    })
    workers = startWorkers(context.t.app.services, context.t.jobs, context.t.app.log)
  }, 60_000)
  afterAll(async () => {
    workers?.stop()
    await context.t?.close()
    await context.sim?.stop()
  })
  return context
}
