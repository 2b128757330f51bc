import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../db/database.ts'
import type { Store } from '../../store/store.ts'
import { readiness } from './readiness.ts'

/** Whether the services the API needs answer (for /ready); the checks live in readiness.ts. */
export function healthService(db: Db, store: Store) {
  let draining = false
  return {
    /**
     * The process is shutting down (SIGTERM): from now on /ready answers 503, so the load balancer
     * stops sending new traffic while requests already on their way are still served.
     */
    beginDrain() {
      draining = true
    },
    /** `log` receives what failed in detail; the answer only names the check and the fix. */
    async readiness(log: FastifyBaseLogger) {
      if (draining) return { ok: false, checks: [{ name: 'shutdown', ok: false, message: 'this instance is shutting down; another one takes the traffic' }] }
      const checks = await readiness(db, store, log)
      return { ok: checks.every((c) => c.ok), checks }
    },
  }
}

export type HealthService = ReturnType<typeof healthService>
