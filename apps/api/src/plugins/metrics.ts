import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../lib/app-error.ts'
import { metricsAccess } from '../metrics/access.ts'
import type { AppMetrics } from '../metrics/metrics.ts'

/** The route pattern (`/api/v1/artists/:id`), never the raw URL: one series per route, not per id. */
const routeOf = (request: FastifyRequest) => request.routeOptions.url ?? 'unmatched'

/**
 * Request counts and latency per route pattern and status (the health probes left out), error
 * counts by code, and GET /metrics (Prometheus text format) for those allowed by metricsAccess.
 * Registered on the root, so its hooks see every route.
 */
export function registerMetrics(app: FastifyInstance, metrics: AppMetrics) {
  // A callback hook: it runs on every request, and an async hook costs a promise each.
  app.addHook('onResponse', (request, reply, done) => {
    if (request.routeOptions.config.probe) return done()
    const route = routeOf(request)
    const labels = { method: request.method, route, status_code: String(reply.statusCode) }
    metrics.http.requests.inc(labels)
    metrics.http.duration.observe(labels, reply.elapsedTime / 1000)
    // Set by the error handler, which every error-shape answer leaves through.
    if (request.errorCode) metrics.http.errors.inc({ route, code: request.errorCode })
    done()
  })

  // Not part of the API contract (no OpenAPI entry); the nginx in front of the web app proxies
  // only /api/, /health, /ready and /docs, so it never reaches this.
  app.get('/metrics', { logLevel: 'warn', schema: { hide: true } }, async (request, reply) => {
    const access = metricsAccess(metrics.token, request.headers.authorization, request.socket.remoteAddress)
    if (!access.ok) throw new AppError(access.code, access.message, undefined, access.headers)
    reply.header('content-type', metrics.registry.contentType).header('cache-control', 'no-store')
    return metrics.registry.metrics()
  })
}
