import type { FastifyInstance } from 'fastify'
import { HealthResponse, ReadyResponse } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import type { Store } from '../../store/store.ts'
import { readiness } from './readiness.ts'

export async function healthRoutes(app: FastifyInstance, opts: { db: Db; store: Store }) {
  const tags = ['health']

  // Liveness: the process is up. Deliberately touches no dependency, so a database outage
  // makes the pod unready rather than restarting it in a loop.
  app.get('/health', { logLevel: 'warn', schema: { tags, response: { 200: HealthResponse } } }, async () => ({ status: 'ok' as const }))

  app.get('/ready', { logLevel: 'warn', schema: { tags, response: { 200: ReadyResponse, 503: ReadyResponse } } }, async (request, reply) => {
    const checks = await readiness(opts.db, opts.store, request.log)
    const ok = checks.every((c) => c.ok)
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ready' : 'unavailable', checks })
  })
}
