import type { LogEvent } from 'kysely'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

/** What the pool metrics read on each scrape (a pg.Pool has these). */
export interface PoolFigures {
  totalCount: number
  idleCount: number
  waitingCount: number
}

/** The job queues whose depth is read on each scrape. */
export interface QueueSource {
  names(): string[]
  depth(queue: string): Promise<number>
}

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())])

// Registrations hash a password (argon2: tens to hundreds of ms); reads take a few ms.
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
const QUERY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

/**
 * One process's Prometheus metrics (the API's or the worker's), in a registry of its own so that
 * several apps in one test process never share series. The HTTP figures are recorded by
 * plugins/metrics.ts; the pool, Redis and queue figures are read when /metrics is scraped, from
 * the sources handed in with watch*() (each called once, at start).
 */
export function createMetrics(options: { token?: string } = {}) {
  const registry = new Registry()
  // Process CPU, resident memory, heap, event-loop lag, GC: prom-client's defaults.
  collectDefaultMetrics({ register: registry })
  let queues: QueueSource | undefined

  const httpLabels = ['method', 'route', 'status_code'] as const
  const http = {
    requests: new Counter({ name: 'ndith_http_requests_total', help: 'HTTP requests answered, by route pattern and status', labelNames: httpLabels, registers: [registry] }),
    duration: new Histogram({ name: 'ndith_http_request_duration_seconds', help: 'HTTP response time, by route pattern and status', labelNames: httpLabels, buckets: HTTP_BUCKETS, registers: [registry] }),
    errors: new Counter({ name: 'ndith_http_errors_total', help: "Error responses by the error shape's code", labelNames: ['route', 'code'] as const, registers: [registry] }),
  }
  const queryDuration = new Histogram({ name: 'ndith_db_query_duration_seconds', help: 'Database query time (kysely), by outcome', labelNames: ['outcome'] as const, buckets: QUERY_BUCKETS, registers: [registry] })
  const jobs = new Counter({ name: 'ndith_jobs_total', help: 'Background jobs finished in this process, by queue and outcome (completed, failed, rate_limited, gave_up)', labelNames: ['queue', 'outcome'] as const, registers: [registry] })

  new Gauge({
    name: 'ndith_queue_depth', help: 'Jobs waiting, delayed or running, per queue (read from the queue on each scrape; absent when Redis does not answer)', labelNames: ['queue'] as const, registers: [registry],
    async collect() {
      this.reset()
      if (!queues) return
      const source = queues
      await Promise.all(source.names().map((queue) => within(2000, source.depth(queue)).then((depth) => this.set({ queue }, depth), () => undefined)))
    },
  })

  return {
    registry,
    /** METRICS_TOKEN: when set, /metrics wants it as a bearer; otherwise it answers loopback clients only. */
    token: options.token,
    http,
    jobs,
    /** The pool's gauges exist only once there is a pool (none with embedded PGlite), so no false 0 is reported. */
    watchPool(pool: PoolFigures | undefined) {
      if (!pool) return
      const gauge = (name: string, help: string, read: (p: PoolFigures) => number) =>
        new Gauge({
          name, help, registers: [registry],
          collect() {
            this.set(read(pool))
          },
        })
      gauge('ndith_db_pool_total_connections', 'Postgres connections the pool holds (busy and idle)', (p) => p.totalCount)
      gauge('ndith_db_pool_idle_connections', 'Postgres connections idle in the pool', (p) => p.idleCount)
      gauge('ndith_db_pool_waiting_requests', 'Queries waiting for a pooled connection (the pool is exhausted when this stays above 0)', (p) => p.waitingCount)
    },
    /** Likewise only with Redis (not with the in-process store). */
    watchRedis(status: (() => string) | undefined) {
      if (!status) return
      new Gauge({
        name: 'ndith_redis_connected', help: 'Whether the Redis connection is ready (1) or not (0)', registers: [registry],
        collect() {
          this.set(status() === 'ready' ? 1 : 0)
        },
      })
      new Gauge({
        name: 'ndith_redis_status', help: "The Redis connection's state (ioredis status: ready, connecting, reconnecting, end, ...): 1 for the current one", labelNames: ['status'] as const, registers: [registry],
        collect() {
          this.reset()
          this.set({ status: status() }, 1)
        },
      })
    },
    watchQueues(source: QueueSource) {
      queues = source
    },
    /** kysely's log hook (DatabaseHandle.observeQueries). */
    observeQuery(event: LogEvent) {
      queryDuration.observe({ outcome: event.level === 'error' ? 'error' : 'ok' }, event.queryDurationMillis / 1000)
    },
  }
}

export type AppMetrics = ReturnType<typeof createMetrics>
