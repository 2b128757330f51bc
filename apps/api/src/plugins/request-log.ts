import type { FastifyBaseLogger, FastifyInstance } from 'fastify'

/**
 * One line per request, when it is answered: method, path, status and time, with the request id
 * bound. Replaces Fastify's own pair of records (request and response objects, about fifteen lines
 * each in the pretty format). A route's logLevel still applies; probes (config.probe) get no line.
 * The request's arrival is logged at debug.
 */
export function logEachRequest(app: FastifyInstance) {
  // Callback hooks, and no work for a level that is off: this runs on every request, probes included.
  if (isEnabled(app.log, 'debug')) {
    app.addHook('onRequest', (request, _reply, done) => {
      request.log.debug({ method: request.method, url: request.url }, 'incoming request')
      done()
    })
  }
  app.addHook('onResponse', (request, reply, done) => {
    if (!request.routeOptions.config.probe && isEnabled(request.log, 'info')) {
      const responseTimeMs = Math.round(reply.elapsedTime * 10) / 10
      const { method, url } = request
      request.log.info({ method, url, statusCode: reply.statusCode, responseTimeMs }, `${method} ${url} ${reply.statusCode} ${responseTimeMs} ms`)
    }
    done()
  })
}

const isEnabled = (log: FastifyBaseLogger, level: 'debug' | 'info') => (log as FastifyBaseLogger & { isLevelEnabled?: (l: string) => boolean }).isLevelEnabled?.(level) ?? true
