import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { FastifyBaseLogger } from 'fastify'
import { ErrorCodes, type ReadinessCheck } from '@ndith/contracts'
import type { JobRunner } from './jobs/runner.ts'
import type { HealthService } from './features/health/service.ts'
import { metricsAccess } from './metrics/access.ts'
import type { AppMetrics } from './metrics/metrics.ts'

export interface QueueDepth {
  name: string
  /** Jobs waiting or running; null when Redis did not answer in time. */
  depth: number | null
}

export interface WorkerReadiness {
  status: 'ready' | 'unavailable'
  checks: ReadinessCheck[]
  queues: QueueDepth[]
}

export interface WorkerProbeDeps {
  health: HealthService
  jobs: Pick<JobRunner, 'depth'>
  /** The queues this process works (known once the workers started). */
  queues: () => string[]
  /** True from SIGTERM on: the worker takes no new jobs, so it is no longer ready. */
  draining: () => boolean
  log: FastifyBaseLogger
  /** GET /metrics (Prometheus text format): for METRICS_TOKEN bearers, or loopback clients when it is unset. */
  metrics?: AppMetrics
}

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())])

/** Readiness: Postgres (and the schema) and Redis answer, as for the API, plus each queue's depth. */
export async function workerReadiness({ health, jobs, queues, draining, log }: WorkerProbeDeps): Promise<WorkerReadiness> {
  const names = queues()
  const [{ checks }, depths] = await Promise.all([
    health.readiness(log),
    Promise.all(
      names.map((name) =>
        within(2000, jobs.depth(name)).then(
          (depth) => ({ name, depth }),
          (error: unknown) => {
            log.warn({ queue: name, reason: error instanceof Error ? error.message : String(error) }, 'readiness: queue depth unknown')
            return { name, depth: null }
          },
        ),
      ),
    ),
  ])
  const unknown = depths.filter((q) => q.depth === null).map((q) => q.name)
  const queueCheck: ReadinessCheck = unknown.length
    ? { name: 'queues', ok: false, message: `depth of ${unknown.join(', ')} unknown: check REDIS_URL and that Redis is running` }
    : { name: 'queues', ok: true, ...(names.length ? {} : { message: 'no queue worked: no streaming provider is configured (SIMULATOR_URL, SPOTIFY_CLIENT_ID)' }) }
  const all = [...checks, queueCheck, ...(draining() ? [{ name: 'worker', ok: false, message: 'draining: shutting down after the running jobs' }] : [])]
  return { status: all.every((c) => c.ok) ? 'ready' : 'unavailable', checks: all, queues: depths }
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body))
}

function sendMetrics(req: IncomingMessage, res: ServerResponse, metrics: AppMetrics, log: FastifyBaseLogger) {
  const access = metricsAccess(metrics.token, req.headers.authorization, req.socket.remoteAddress)
  if (!access.ok) {
    for (const [name, value] of Object.entries(access.headers)) res.setHeader(name, value)
    return send(res, ErrorCodes[access.code].status, { error: { code: access.code, message: access.message } })
  }
  metrics.registry.metrics().then(
    (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' }).end(text),
    (error: unknown) => {
      log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'metrics collection failed')
      send(res, 500, { error: { code: 'INTERNAL', message: 'the metrics could not be collected; see the worker log' } })
    },
  )
}

/**
 * The worker's probe endpoint: /health (the process is up; touches nothing, so an outage makes the
 * pod unready instead of restarting it), /ready (workerReadiness) and /metrics. Nothing else is served.
 */
export function workerProbeServer(deps: WorkerProbeDeps) {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: { code: 'METHOD_NOT_ALLOWED', message: 'only GET /health, /ready and /metrics are served here' } })
    if (path === '/health') return send(res, 200, { status: 'ok' })
    if (path === '/metrics' && deps.metrics) return sendMetrics(req, res, deps.metrics, deps.log)
    if (path === '/ready') {
      return void workerReadiness(deps).then(
        (ready) => send(res, ready.status === 'ready' ? 200 : 503, ready),
        (error: unknown) => {
          deps.log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'readiness check failed')
          send(res, 503, { status: 'unavailable', checks: [{ name: 'worker', ok: false, message: 'the readiness check itself failed; see the worker log' }], queues: [] })
        },
      )
    }
    send(res, 404, { error: { code: 'NOT_FOUND', message: 'only /health, /ready and /metrics are served here' } })
  })
}
