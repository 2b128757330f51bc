import type { FastifyInstance, InjectOptions } from 'fastify'
import { register } from './auth.ts'

export type SignedInListener = Awaited<ReturnType<typeof signInListener>>

/** Registers a listener; returns the account, its bearer header, and a caller that speaks as them. */
export async function signInListener(app: FastifyInstance) {
  const account = await register(app)
  const headers = { authorization: `Bearer ${account.session.accessToken}` }
  /** Calls /api/v1<url> as this listener. */
  const call = (method: InjectOptions['method'], url: string, payload?: object) =>
    app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) })
  return { ...account, id: account.session.user.id, headers, call }
}
