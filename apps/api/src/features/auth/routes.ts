import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import { AuthOperations as ops, REFRESH_COOKIE } from '@ndith/contracts'
import { AppError, validationError } from '../../lib/app-error.ts'
import { requestContext } from '../../lib/request-context.ts'
import { serve, typed } from '../../lib/routes.ts'
import { toFieldError } from '../../plugins/error-handler.ts'
import { authenticate } from '../../plugins/authenticate.ts'
import { sessionCookies, useCookies } from './cookies.ts'
import { passwordErrors, type AuthService, type SessionGrant } from './service.ts'
import type { AccessTokenIssuer } from './tokens.ts'

export interface AuthRouteOptions {
  service: AuthService
  accessTokens: AccessTokenIssuer
  cookieSecure: boolean
  refreshTokenTtlSeconds: number
}


/** A registration that failed its schema: the schema's field errors plus every failed password rule. */
export function registrationErrors(validation: FastifyError | Error, body: unknown): AppError {
  const fields = ((validation as FastifyError).validation ?? []).map(toFieldError)
  const { email, password } = (body ?? {}) as { email?: unknown; password?: unknown }
  if (typeof password === 'string' && password.length > 0 && !fields.some((f) => f.field === 'password')) {
    fields.push(...passwordErrors(password, typeof email === 'string' ? email : ''))
  }
  return validationError(fields)
}


export async function authRoutes(app: FastifyInstance, opts: AuthRouteOptions) {
  await useCookies(app)
  const api = typed(app)
  const cookies = sessionCookies({ secure: opts.cookieSecure, maxAgeSeconds: opts.refreshTokenTtlSeconds })
  const sendGrant = (reply: FastifyReply, grant: SessionGrant, status: number) => cookies.set(reply, grant.refreshToken).status(status).send(grant.session)

  serve(api, ops.register, async (request, reply) => {
    if (request.validationError) throw registrationErrors(request.validationError, request.body)
    return sendGrant(reply, await opts.service.register(request.body, requestContext(request)), 201)
  }, {
    // Schema errors are merged with the password rules, so a form learns every problem at once.
    attachValidation: true,
  })

  serve(api, ops.login, async (request, reply) => sendGrant(reply, await opts.service.login(request.body, requestContext(request)), 200))

  serve(api, ops.refreshSession, async (request, reply) => {
    try {
      return sendGrant(reply, await opts.service.refresh(request.cookies[REFRESH_COOKIE], requestContext(request)), 200)
    } catch (error) {
      // Only a session that is really over loses its cookies; a 503 (database away) keeps them.
      if (error instanceof AppError && error.code === 'SESSION_EXPIRED') cookies.clear(reply)
      throw error
    }
  })

  serve(api, ops.logout, async (request, reply) => {
    await opts.service.logout(request.cookies[REFRESH_COOKIE], requestContext(request))
    return cookies.clear(reply).status(204).send(null)
  })

  serve(api, ops.getCurrentUser, async (request) => ({ user: await opts.service.me(request.userId) }), { onRequest: authenticate(opts.accessTokens) })
}
