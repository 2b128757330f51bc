import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { REFRESH_COOKIE, type Session } from '@ndith/contracts'

export const goodPassword = 'Correct-Horse-Battery-42'

let counter = 0
export const uniqueEmail = (prefix = 'listener') => `${prefix}.${Date.now()}.${counter++}@example.com`

export function refreshCookie(response: LightMyRequestResponse): string | undefined {
  return response.cookies.find((c) => c.name === REFRESH_COOKIE)?.value
}

export async function register(app: FastifyInstance, email = uniqueEmail(), password = goodPassword) {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email, password } })
  if (response.statusCode !== 201) throw new Error(`register failed: ${response.statusCode} ${response.body}`)
  return { email, password, session: response.json<Session>(), refreshToken: refreshCookie(response)! }
}

export const refresh = (app: FastifyInstance, token: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/refresh', cookies: { [REFRESH_COOKIE]: token } })

export const me = (app: FastifyInstance, accessToken: string) =>
  app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${accessToken}` } })
