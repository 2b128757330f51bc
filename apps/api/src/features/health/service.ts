import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../db/database.ts'
import type { Store } from '../../store/store.ts'
import { readiness } from './readiness.ts'

/** Whether the services the API needs answer (for /ready); the checks live in readiness.ts. */
export function healthService(db: Db, store: Store) {
  return {
    /** `log` receives what failed in detail; the answer only names the check and the fix. */
    async readiness(log: FastifyBaseLogger) {
      const checks = await readiness(db, store, log)
      return { ok: checks.every((c) => c.ok), checks }
    },
  }
}

export type HealthService = ReturnType<typeof healthService>
