import type { FastifyInstance } from 'fastify'
import { REFRESH_COOKIE, SessionOperations as ops } from '@ndith/contracts'
import { clearSessionCookies, useCookies } from '../auth/cookies.ts'
import { requestContext } from '../../lib/request-context.ts'
import { serve, typed } from '../../lib/routes.ts'
import type { SessionService } from './service.ts'

/** Password change and session management for the signed-in user (the authenticate hook is the caller's). */
export async function sessionRoutes(app: FastifyInstance, { sessions }: { sessions: SessionService }) {
  await useCookies(app)
  const api = typed(app)
  const cookieOf = (request: { cookies: Record<string, string | undefined> }) => request.cookies[REFRESH_COOKIE]

  serve(api, ops.changePassword, async (request) => sessions.changePassword(request.userId, cookieOf(request), request.body, requestContext(request)))

  serve(api, ops.listSessions, async (request) => ({ sessions: await sessions.list(request.userId, cookieOf(request)) }))

  serve(api, ops.revokeSession, async (request, reply) => {
    const { wasCurrent } = await sessions.revoke(request.userId, request.params.id, cookieOf(request), requestContext(request))
    if (wasCurrent) clearSessionCookies(reply)
    return reply.status(204).send(null)
  })

  serve(api, ops.signOutEverywhere, async (request, reply) => {
    await sessions.signOutEverywhere(request.userId, requestContext(request))
    return clearSessionCookies(reply).status(204).send(null)
  })
}
