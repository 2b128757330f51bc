import type { FastifyInstance } from 'fastify'
import { HealthResponse, ReadyResponse } from '@ndith/contracts'
import type { HealthService } from './service.ts'

/** The orchestrator's probes: no input, no authentication, never a 4xx. */
export async function healthRoutes(app: FastifyInstance, { health }: { health: HealthService }) {
  const tags = ['health']

  // Liveness: the process is up. Deliberately touches no dependency, so a database outage
  // makes the pod unready rather than restarting it in a loop.
  app.get('/health', { logLevel: 'warn', schema: { operationId: 'getHealth', tags, summary: 'Liveness: the process is up', security: [], response: { 200: HealthResponse } } }, async () => ({ status: 'ok' as const }))

  app.get('/ready', { logLevel: 'warn', schema: { operationId: 'getReadiness', tags, summary: 'Readiness: Postgres, the schema and Redis answer', security: [], response: { 200: ReadyResponse, 503: ReadyResponse } } }, async (_request, reply) => {
    const { ok, checks } = await health.readiness()
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ready' : 'unavailable', checks })
  })
}
