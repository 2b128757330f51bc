import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ErrorCodes, type ErrorResponse } from '@ndith/contracts'
import { metricsAccess } from '../metrics/access.ts'
import type { AppMetrics } from '../metrics/metrics.ts'

/** The route pattern (`/api/v1/artists/:id`), never the raw URL: one series per route, not per id. */
const routeOf = (request: FastifyRequest) => request.routeOptions.url ?? 'unmatched'

/** The one error shape's code, read from an error response's body. */
function errorCode(payload: unknown): string | undefined {
  if (typeof payload !== 'string' || !payload.startsWith('{')) return undefined
  try {
    const code = (JSON.parse(payload) as Partial<ErrorResponse>).error?.code
    return typeof code === 'string' ? code : undefined
  } catch {
    return undefined
  }
}

/**
 * Request counts and latency per route pattern and status (the health probes left out), error
 * counts by code, and GET /metrics (Prometheus text format) for those allowed by metricsAccess.
 * Registered on the root, so its hooks see every route.
 */
export function registerMetrics(app: FastifyInstance, metrics: AppMetrics) {
  // Callback hooks: they run on every request, and an async hook costs a promise each.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (reply.statusCode >= 400) {
      const code = errorCode(payload)
      if (code) metrics.http.errors.inc({ route: routeOf(request), code })
    }
    done(null, payload)
  })

  app.addHook('onResponse', (request, reply, done) => {
    if (request.routeOptions.config.probe) return done()
    const labels = { method: request.method, route: routeOf(request), status_code: String(reply.statusCode) }
    metrics.http.requests.inc(labels)
    metrics.http.duration.observe(labels, reply.elapsedTime / 1000)
    done()
  })

  // Not part of the API contract (no OpenAPI entry); the nginx in front of the web app proxies
  // only /api/, /health, /ready and /docs, so it never reaches this.
  app.get('/metrics', { logLevel: 'warn', schema: { hide: true } }, async (request, reply) => {
    const access = metricsAccess(metrics.token, request.headers.authorization, request.socket.remoteAddress)
    if (!access.ok) {
      const body: ErrorResponse = { error: { code: access.code, message: access.message }, requestId: request.id }
      if (access.code === 'UNAUTHENTICATED') reply.header('www-authenticate', 'Bearer realm="metrics"')
      return reply.status(ErrorCodes[access.code].status).send(body)
    }
    reply.header('content-type', metrics.registry.contentType).header('cache-control', 'no-store')
    return metrics.registry.metrics()
  })
}
