import cookie from '@fastify/cookie'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { AUTH_BASE_PATH, REFRESH_COOKIE, SESSION_HINT_COOKIE } from '@ndith/contracts'

/**
 * The session's cookies. The refresh token lives only in an httpOnly cookie (no page script can
 * read it), SameSite=Strict and scoped to the auth path so it is sent nowhere else. Beside it, a
 * readable hint with no secret in it ("1") and the same lifetime tells the app whether a refresh
 * can succeed at all, so a signed-out page load does not ask (and log a 401).
 */
export function sessionCookies({ secure, maxAgeSeconds }: { secure: boolean; maxAgeSeconds: number }) {
  const refresh = { path: AUTH_BASE_PATH, httpOnly: true, sameSite: 'strict', secure } as const
  const hint = { path: '/', httpOnly: false, sameSite: 'strict', secure } as const
  return {
    set: (reply: FastifyReply, refreshToken: string) =>
      reply.setCookie(REFRESH_COOKIE, refreshToken, { ...refresh, maxAge: maxAgeSeconds }).setCookie(SESSION_HINT_COOKIE, '1', { ...hint, maxAge: maxAgeSeconds }),
    clear: (reply: FastifyReply) => reply.clearCookie(REFRESH_COOKIE, refresh).clearCookie(SESSION_HINT_COOKIE, hint),
  }
}

/** Clearing needs only the paths (the browser matches name, path and domain). */
export const clearSessionCookies = (reply: FastifyReply) => sessionCookies({ secure: false, maxAgeSeconds: 0 }).clear(reply)

/**
 * Cookie parsing and setting for the routes of `app` (a route plugin's own context): only the
 * routes that read or write the session's cookies pay for the plugin's hooks on each request.
 */
export const useCookies = async (app: FastifyInstance) => void (await app.register(cookie))
