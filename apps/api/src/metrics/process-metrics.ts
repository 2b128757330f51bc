import type { DatabaseHandle } from '../db/database.ts'
import type { Store } from '../store/store.ts'
import { createMetrics } from './metrics.ts'

/**
 * The metrics of a process (the API's or the worker's) watching its database pool, its queries
 * and its Redis connection; the job runner is added with instrumentJobs.
 */
export function processMetrics(token: string | undefined, database: Pick<DatabaseHandle, 'pool' | 'observeQueries'>, store: Pick<Store, 'kind' | 'status'>) {
  const metrics = createMetrics({ token })
  metrics.watchPool(database.pool)
  database.observeQueries(metrics.observeQuery)
  metrics.watchRedis(store.kind === 'redis' ? store.status : undefined)
  return metrics
}
