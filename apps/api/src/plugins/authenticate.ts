import type { FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '../lib/app-error.ts'
import type { AccessTokenIssuer } from '../features/auth/tokens.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authenticate hook on routes that require a signed-in user. */
    userId: string
  }
  interface FastifyContextConfig {
    /** The route's own statement proves the account still exists (and answers 401 if not), saving a round trip. */
    accountCheckedByRoute?: boolean
  }
}

/**
 * An onRequest hook: a valid Bearer access token, or 401 UNAUTHENTICATED. With `userExists`, a
 * token whose account was deleted stops working at once instead of when it expires.
 */
export function authenticate(tokens: AccessTokenIssuer, userExists?: (userId: string) => Promise<boolean>) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const header = request.headers.authorization
    const match = header ? /^Bearer ([A-Za-z0-9\-_.]+)$/.exec(header) : null
    const userId = match ? await tokens.verify(match[1]!) : undefined
    if (!userId) throw new AppError('UNAUTHENTICATED')
    if (userExists && !request.routeOptions.config.accountCheckedByRoute && !(await userExists(userId))) throw new AppError('UNAUTHENTICATED')
    request.userId = userId
  }
}
