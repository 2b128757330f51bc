import { AUTH_BASE_PATH, type LoginRequest, type MeResponse, type RegisterRequest, type Session } from '@ndith/contracts'
import { requestJson, type FetchLike } from './http.ts'

/** The auth endpoints, typed by the contract. */
export interface AuthApi {
  register(body: RegisterRequest): Promise<Session>
  login(body: LoginRequest): Promise<Session>
  /** Rotates the refresh cookie; rejects with SESSION_EXPIRED when there is no live session. */
  refresh(): Promise<Session>
  logout(): Promise<void>
  me(accessToken: string): Promise<MeResponse>
  /** Resolves when the API answers its liveness probe: asks nothing about sessions. */
  ping(): Promise<void>
}

export function createAuthApi(fetchFn: FetchLike = (input, init) => fetch(input, init)): AuthApi {
  const path = (name: string) => `${AUTH_BASE_PATH}/${name}`
  return {
    register: (body) => requestJson<Session>(fetchFn, path('register'), { method: 'POST', body }),
    login: (body) => requestJson<Session>(fetchFn, path('login'), { method: 'POST', body }),
    refresh: () => requestJson<Session>(fetchFn, path('refresh'), { method: 'POST' }),
    logout: () => requestJson<void>(fetchFn, path('logout'), { method: 'POST' }),
    me: (accessToken) => requestJson<MeResponse>(fetchFn, path('me'), { accessToken }),
    ping: async () => void (await requestJson<unknown>(fetchFn, '/health')),
  }
}
