import type { FastifyInstance } from 'fastify'
import { HealthOperations as ops } from '@ndith/contracts'
import { serve, typed } from '../../lib/routes.ts'
import type { HealthService } from './service.ts'

/**
 * The probes (kubelet's, the web app's same-origin ping) get no request log line and are not
 * counted in the request metrics (a kubelet asking every few seconds per pod would swamp the
 * figures of what users do), and carry no CORS headers (no browser asks them cross-origin). Not a
 * route logLevel either: pino rebuilds a child's log methods on each request for one. They cost
 * little more than a bare route (docs/performance.md); what they warn of is still logged.
 */
const PROBE = { config: { cors: false, probe: true } } as const

/** The orchestrator's probes: no input, no authentication, never a 4xx. */
export async function healthRoutes(app: FastifyInstance, { health }: { health: HealthService }) {
  const api = typed(app)
  // Liveness: the process is up. Deliberately touches no dependency, so a database outage
  // makes the pod unready rather than restarting it in a loop.
  serve(api, ops.getHealth, async () => ({ status: 'ok' as const }), PROBE)

  serve(api, ops.getReadiness, async (request, reply) => {
    const { ok, checks } = await health.readiness(request.log)
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ready' : 'unavailable', checks })
  }, PROBE)
}
