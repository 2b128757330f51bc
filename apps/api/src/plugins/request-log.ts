import type { FastifyInstance } from 'fastify'

/**
 * One line per request, when it is answered: method, path, status and time, with the request id
 * bound. Replaces Fastify's own pair of records (request and response objects, about fifteen lines
 * each in the pretty format). A route's logLevel still applies (the probes log only warnings).
 * The request's arrival is logged at debug.
 */
export function logEachRequest(app: FastifyInstance) {
  // At debug only: when a request arrived (LOG_LEVEL=debug shows both ends).
  app.addHook('onRequest', async (request) => {
    request.log.debug({ method: request.method, url: request.url }, 'incoming request')
  })
  app.addHook('onResponse', async (request, reply) => {
    const responseTimeMs = Math.round(reply.elapsedTime * 10) / 10
    const { method, url } = request
    request.log.info({ method, url, statusCode: reply.statusCode, responseTimeMs }, `${method} ${url} ${reply.statusCode} ${responseTimeMs} ms`)
  })
}
