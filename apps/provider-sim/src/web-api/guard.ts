import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { SimContext } from '../context.ts'
import { WebApiError } from '../errors.ts'

// Every /v1 call passes here first: injected latency, the bearer token (401), the rolling rate window
// (429), injected 5xx — in that order, so a rejected call never changes anything.

export function requireScope(request: FastifyRequest, ...anyOf: string[]) {
  const scopes = request.sim.token?.scopes ?? []
  if (!anyOf.some((s) => scopes.includes(s))) throw new WebApiError(403, 'Insufficient client scope')
}

function authenticate(ctx: SimContext, request: FastifyRequest) {
  const header = request.headers.authorization
  if (!header?.startsWith('Bearer ')) throw new WebApiError(401, 'No token provided')
  const token = ctx.grants.accessTokens.get(header.slice(7))
  if (!token || ctx.grants.grants.get(token.grantId)?.revoked) throw new WebApiError(401, 'Invalid access token')
  if (token.expiresAt <= ctx.clock.now()) throw new WebApiError(401, 'The access token expired')
  const user = ctx.state.users.get(token.userId)
  if (!user) throw new WebApiError(401, 'Invalid access token')
  request.sim.token = token
  request.sim.user = user
  request.sim.clientId = token.clientId
}

export function webApiGuard(app: FastifyInstance, ctx: SimContext) {
  app.addHook('onRequest', async (request, reply) => {
    const faults = ctx.faults.current
    if (faults.latencyMs > 0) await ctx.options.sleep(faults.latencyMs)
    authenticate(ctx, request)
    const limited = ctx.faults.admit(request.sim.clientId!, ctx.clock.now())
    if (limited) {
      request.sim.fault = faults.quotaExceeded ? 'quota_exceeded' : 'rate_limited'
      reply.header('retry-after', String(limited.retryAfterSeconds))
      throw faults.quotaExceeded ? new WebApiError(429, 'Quota exceeded', 'QUOTA_EXCEEDED') : new WebApiError(429, 'API rate limit exceeded')
    }
    if (ctx.faults.serverError()) {
      request.sim.fault = 'server_error'
      const status = faults.serverErrorStatus
      throw new WebApiError(status, status === 503 ? 'Service unavailable' : status === 502 ? 'Bad gateway' : 'Server error')
    }
  })
}

/**
 * "Applied, but the response was lost": the change is made, then the client gets no answer (the socket
 * closes) or a proxy's 502, so it cannot know — the case idempotent retries exist for. Runs in the root
 * onSend hook, before the request log records the outcome.
 */
export function loseResponse(ctx: SimContext, request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  if (!request.sim.mutation || reply.statusCode >= 400 || !ctx.faults.lostResponse()) return payload
  request.sim.fault = 'lost_response'
  if (ctx.faults.current.lostResponseMode === 'bad-gateway') {
    reply.code(502).type('application/json')
    return JSON.stringify({ error: { status: 502, message: 'Bad gateway' } })
  }
  reply.raw.destroy()
  return payload
}
