import type { FastifyInstance } from 'fastify'
import { ConnectionOperations as ops } from '@ndith/contracts'
import { AppError } from '../../lib/app-error.ts'
import { requestContext } from '../../lib/request-context.ts'
import { serve, typed } from '../../lib/routes.ts'
import type { ConnectionsService } from './service.ts'

/** The listener's streaming accounts (inside the authenticated /api/v1 scope). */
export async function connectionRoutes(app: FastifyInstance, { connections }: { connections: ConnectionsService }) {
  const api = typed(app)
  serve(api, ops.listConnections, async (request) => connections.overview(request.userId))
  serve(api, ops.startConnection, async (request, reply) => {
    const { authorizeUrl, expiresAt } = await connections.start(request.userId, request.body.provider, requestContext(request))
    return reply.status(201).send({ authorizeUrl, expiresAt: expiresAt.toISOString() })
  })
  serve(api, ops.disconnect, async (request, reply) => {
    await connections.disconnect(request.userId, request.params.id, requestContext(request))
    return reply.status(204).send(null)
  })
}

/**
 * Where the provider sends the browser back. No bearer token comes with a browser redirect: the
 * single-use state names the listener. It always ends on the app's Connections page, saying how it went.
 */
export async function connectionCallbackRoutes(app: FastifyInstance, { connections, appUrl }: { connections: ConnectionsService; appUrl: string }) {
  serve(typed(app), ops.finishConnection, async (request, reply) => {
    const back = new URL('/connections', appUrl)
    try {
      const { connection, returnTo } = await connections.completeConnect(request.query, requestContext(request))
      if (returnTo) back.pathname = returnTo
      back.searchParams.set('connected', connection.provider)
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      back.searchParams.set('connectError', error.message)
    }
    return reply.redirect(back.toString(), 303)
  })
}
