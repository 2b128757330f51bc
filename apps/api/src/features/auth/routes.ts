import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import { AUTH_BASE_PATH, AuthOperations as ops, REFRESH_COOKIE } from '@ndith/contracts'
import { validationError, type AppError } from '../../lib/app-error.ts'
import { requestContext } from '../../lib/request-context.ts'
import { serve, typed } from '../../lib/routes.ts'
import { toFieldError } from '../../plugins/error-handler.ts'
import { authenticate } from '../../plugins/authenticate.ts'
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
  const api = typed(app)
  // The refresh token lives only in this cookie: httpOnly (no page script can read it),
  // SameSite=Strict and scoped to the auth path so it is sent nowhere else.
  const cookie = { path: AUTH_BASE_PATH, httpOnly: true, sameSite: 'strict', secure: opts.cookieSecure } as const
  const sendGrant = (reply: FastifyReply, grant: SessionGrant, status: number) =>
    reply
      .setCookie(REFRESH_COOKIE, grant.refreshToken, { ...cookie, maxAge: opts.refreshTokenTtlSeconds })
      .status(status)
      .send(grant.session)

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
      reply.clearCookie(REFRESH_COOKIE, cookie)
      throw error
    }
  })

  serve(api, ops.logout, async (request, reply) => {
    await opts.service.logout(request.cookies[REFRESH_COOKIE], requestContext(request))
    return reply.clearCookie(REFRESH_COOKIE, cookie).status(204).send(null)
  })

  serve(api, ops.getCurrentUser, async (request) => ({ user: await opts.service.me(request.userId) }), { onRequest: authenticate(opts.accessTokens) })
}
