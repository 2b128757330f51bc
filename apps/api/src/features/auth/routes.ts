import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { AUTH_BASE_PATH, LoginRequest, MeResponse, REFRESH_COOKIE, RegisterRequest, Session } from '@ndith/contracts'
import { validationError, type AppError } from '../../lib/app-error.ts'
import { errorResponses } from '../../lib/http.ts'
import { requestContext } from '../../lib/request-context.ts'
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
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  // The refresh token lives only in this cookie: httpOnly (no page script can read it),
  // SameSite=Strict and scoped to the auth path so it is sent nowhere else.
  const cookie = { path: AUTH_BASE_PATH, httpOnly: true, sameSite: 'strict', secure: opts.cookieSecure } as const
  const sendGrant = (reply: FastifyReply, grant: SessionGrant, status: number) =>
    reply
      .setCookie(REFRESH_COOKIE, grant.refreshToken, { ...cookie, maxAge: opts.refreshTokenTtlSeconds })
      .status(status)
      .send(grant.session)
  const tags = ['auth']

  api.post('/register', {
    // Schema errors are merged with the password rules, so a form learns every problem at once.
    attachValidation: true,
    schema: { operationId: 'register', tags, summary: 'Create an account and sign in', security: [], body: RegisterRequest, response: { 201: Session, ...errorResponses(400, 409, 429) } },
  }, async (request, reply) => {
    if (request.validationError) throw registrationErrors(request.validationError, request.body)
    return sendGrant(reply, await opts.service.register(request.body, requestContext(request)), 201)
  })

  api.post('/login', {
    schema: { operationId: 'login', tags, summary: 'Sign in with email and password', security: [], body: LoginRequest, response: { 200: Session, ...errorResponses(400, 401, 429) } },
  }, async (request, reply) => sendGrant(reply, await opts.service.login(request.body, requestContext(request)), 200))

  api.post('/refresh', {
    schema: { operationId: 'refreshSession', tags, summary: 'Rotate the refresh cookie and get a new access token', security: [{ refreshCookie: [] }], response: { 200: Session, ...errorResponses(401) } },
  }, async (request, reply) => {
    try {
      return sendGrant(reply, await opts.service.refresh(request.cookies[REFRESH_COOKIE], requestContext(request)), 200)
    } catch (error) {
      reply.clearCookie(REFRESH_COOKIE, cookie)
      throw error
    }
  })

  api.post('/logout', {
    schema: { operationId: 'logout', tags, summary: 'Sign out: revoke this session (signed out already is fine too)', security: [], response: { 204: Type.Null(), ...errorResponses(400) } },
  }, async (request, reply) => {
    await opts.service.logout(request.cookies[REFRESH_COOKIE], requestContext(request))
    return reply.clearCookie(REFRESH_COOKIE, cookie).status(204).send(null)
  })

  api.get('/me', {
    onRequest: authenticate(opts.accessTokens),
    schema: { operationId: 'getCurrentUser', tags, summary: 'The signed-in user', security: [{ bearerAuth: [] }], response: { 200: MeResponse, ...errorResponses(401) } },
  }, async (request) => ({ user: await opts.service.me(request.userId) }))
}
