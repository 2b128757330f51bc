import type { FastifyInstance } from 'fastify'
import { AUTH_BASE_PATH, REFRESH_COOKIE, SessionOperations as ops } from '@ndith/contracts'
import { requestContext } from '../../lib/request-context.ts'
import { serve, typed } from '../../lib/routes.ts'
import type { SessionService } from './service.ts'

/** Password change and session management for the signed-in user (the authenticate hook is the caller's). */
export async function sessionRoutes(app: FastifyInstance, { sessions }: { sessions: SessionService }) {
  const api = typed(app)
  const cookieOf = (request: { cookies: Record<string, string | undefined> }) => request.cookies[REFRESH_COOKIE]
  const clearCookie = { path: AUTH_BASE_PATH }

  serve(api, ops.changePassword, async (request) => sessions.changePassword(request.userId, cookieOf(request), request.body, requestContext(request)))

  serve(api, ops.listSessions, async (request) => ({ sessions: await sessions.list(request.userId, cookieOf(request)) }))

  serve(api, ops.revokeSession, async (request, reply) => {
    const { wasCurrent } = await sessions.revoke(request.userId, request.params.id, cookieOf(request), requestContext(request))
    if (wasCurrent) reply.clearCookie(REFRESH_COOKIE, clearCookie)
    return reply.status(204).send(null)
  })

  serve(api, ops.signOutEverywhere, async (request, reply) => {
    await sessions.signOutEverywhere(request.userId, requestContext(request))
    return reply.clearCookie(REFRESH_COOKIE, clearCookie).status(204).send(null)
  })
}
