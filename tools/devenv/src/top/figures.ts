import type { Sample } from './exposition.ts'
import { buckets, quantile, subtract, total, type Buckets } from './histogram.ts'

/** One scrape of a process's /metrics, with when it was taken (ms since the epoch). */
export interface Snapshot {
  samples: Sample[]
  at: number
}

export interface RouteFigures {
  /** `GET /api/v1/artists/:id` */
  route: string
  /** requests per status, e.g. { '200': 40, '429': 3 } */
  statuses: Record<string, number>
  requests: number
  perSecond: number
  p50?: number
  p99?: number
}

export interface ProcessFigures {
  /** What the rates and percentiles cover: since the previous scrape, or since the process started. */
  windowSeconds: number
  sinceStart: boolean
  uptimeSeconds?: number
  rssBytes?: number
  heapUsedBytes?: number
  cpuPercent?: number
  routes: RouteFigures[]
  errors: { code: string; count: number }[]
  pool?: { total: number; idle: number; waiting: number }
  queries: { count: number; perSecond: number; p50?: number; p99?: number; failed: number }
  redis?: { connected: boolean; status: string }
  queues: { name: string; depth: number }[]
  jobs: { queue: string; outcome: string; count: number }[]
}

type Labels = Record<string, string>
const value = (samples: Sample[], name: string) => samples.find((s) => s.name === name)?.value
const sum = (samples: Sample[], name: string, keep: (l: Labels) => boolean = () => true) =>
  samples.filter((s) => s.name === name && keep(s.labels)).reduce((n, s) => n + s.value, 0)
const distinct = (samples: Sample[], name: string, key: (l: Labels) => string) => [...new Set(samples.filter((s) => s.name === name).map((s) => key(s.labels)))]

// devenv top's own scrapes are not the application's traffic.
const OWN_ROUTE = '/metrics'

/**
 * The figures `devenv top` shows for one process. With the previous snapshot, rates and
 * percentiles cover the time between the two; without, everything since the process started.
 */
export function processFigures(now: Snapshot, before?: Snapshot): ProcessFigures {
  const started = value(now.samples, 'process_start_time_seconds')
  const uptimeSeconds = started ? Math.max(0, now.at / 1000 - started) : undefined
  const windowSeconds = before ? Math.max(0.001, (now.at - before.at) / 1000) : Math.max(0.001, uptimeSeconds ?? 1)
  const delta = (name: string, keep?: (l: Labels) => boolean) => {
    const current = sum(now.samples, name, keep)
    const previous = before ? sum(before.samples, name, keep) : 0
    return current >= previous ? current - previous : current
  }
  const histogram = (name: string, keep?: (l: Labels) => boolean): Buckets => subtract(buckets(now.samples, name, keep), before && buckets(before.samples, name, keep))

  const routes = distinct(now.samples, 'ndith_http_requests_total', (l) => `${l.method} ${l.route}`)
    .filter((key) => !key.endsWith(` ${OWN_ROUTE}`))
    .map((key): RouteFigures => {
      const ofRoute = (l: Labels) => `${l.method} ${l.route}` === key
      const statuses = Object.fromEntries(
        distinct(now.samples.filter((s) => ofRoute(s.labels)), 'ndith_http_requests_total', (l) => l.status_code!)
          .map((status) => [status, delta('ndith_http_requests_total', (l) => ofRoute(l) && l.status_code === status)] as const)
          .filter(([, n]) => n > 0),
      )
      const latency = histogram('ndith_http_request_duration_seconds', ofRoute)
      const requests = total(latency)
      return { route: key, statuses, requests, perSecond: requests / windowSeconds, p50: quantile(latency, 0.5), p99: quantile(latency, 0.99) }
    })
    .filter((r) => r.requests > 0)
    .sort((a, b) => b.requests - a.requests)

  const errors = distinct(now.samples, 'ndith_http_errors_total', (l) => l.code!)
    .map((code) => ({ code, count: delta('ndith_http_errors_total', (l) => l.code === code && l.route !== OWN_ROUTE) }))
    .filter((e) => e.count > 0)
    .sort((a, b) => b.count - a.count)

  const queries = histogram('ndith_db_query_duration_seconds')
  const poolTotal = value(now.samples, 'ndith_db_pool_total_connections')
  const redisConnected = value(now.samples, 'ndith_redis_connected')
  const cpu = delta('process_cpu_seconds_total')
  return {
    windowSeconds,
    sinceStart: !before,
    uptimeSeconds,
    rssBytes: value(now.samples, 'process_resident_memory_bytes'),
    heapUsedBytes: value(now.samples, 'nodejs_heap_size_used_bytes'),
    cpuPercent: now.samples.some((s) => s.name === 'process_cpu_seconds_total') ? (cpu / windowSeconds) * 100 : undefined,
    routes,
    errors,
    pool: poolTotal === undefined ? undefined : { total: poolTotal, idle: value(now.samples, 'ndith_db_pool_idle_connections') ?? 0, waiting: value(now.samples, 'ndith_db_pool_waiting_requests') ?? 0 },
    queries: { count: total(queries), perSecond: total(queries) / windowSeconds, p50: quantile(queries, 0.5), p99: quantile(queries, 0.99), failed: delta('ndith_db_query_duration_seconds_count', (l) => l.outcome === 'error') },
    redis: redisConnected === undefined ? undefined : { connected: redisConnected === 1, status: now.samples.find((s) => s.name === 'ndith_redis_status' && s.value === 1)?.labels.status ?? 'unknown' },
    queues: now.samples.filter((s) => s.name === 'ndith_queue_depth').map((s) => ({ name: s.labels.queue!, depth: s.value })).sort((a, b) => a.name.localeCompare(b.name)),
    jobs: now.samples
      .filter((s) => s.name === 'ndith_jobs_total')
      .map((s) => ({ queue: s.labels.queue!, outcome: s.labels.outcome!, count: delta('ndith_jobs_total', (l) => l.queue === s.labels.queue && l.outcome === s.labels.outcome) }))
      .filter((j) => j.count > 0),
  }
}
