import type { FastifyRequest } from 'fastify'
import type { RequestContext } from '../features/audit/audit-log.ts'

export const requestContext = (request: FastifyRequest): RequestContext => ({
  requestId: request.id,
  ip: request.ip || null,
  userAgent: request.headers['user-agent'] ?? null,
})
