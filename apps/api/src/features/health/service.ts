import type { Db } from '../../db/database.ts'
import type { Store } from '../../store/store.ts'
import { readiness } from './readiness.ts'

/** Whether the services the API needs answer (for /ready); the checks live in readiness.ts. */
export function healthService(db: Db, store: Store) {
  return {
    async readiness() {
      const checks = await readiness(db, store)
      return { ok: checks.every((c) => c.ok), checks }
    },
  }
}

export type HealthService = ReturnType<typeof healthService>
