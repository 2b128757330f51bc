import type { FastifyInstance } from 'fastify'
import { HealthOperations as ops } from '@ndith/contracts'
import { serve, typed } from '../../lib/routes.ts'
import type { HealthService } from './service.ts'

/** The orchestrator's probes: no input, no authentication, never a 4xx. */
export async function healthRoutes(app: FastifyInstance, { health }: { health: HealthService }) {
  const api = typed(app)
  // Liveness: the process is up. Deliberately touches no dependency, so a database outage
  // makes the pod unready rather than restarting it in a loop.
  serve(api, ops.getHealth, async () => ({ status: 'ok' as const }), { logLevel: 'warn' })

  serve(api, ops.getReadiness, async (request, reply) => {
    const { ok, checks } = await health.readiness(request.log)
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ready' : 'unavailable', checks })
  }, { logLevel: 'warn' })
}
