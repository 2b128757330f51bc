import type { ActiveSession, ChangePasswordRequest, ChangePasswordResponse } from '@ndith/contracts'
import type { ApiClient } from './client.ts'

/** The signed-in user's password and sessions (under /auth, where the refresh cookie names this session). */
export interface SessionsApi {
  /** 400 with field "currentPassword" (code "incorrect") or "newPassword" (the policy's rules). */
  changePassword(body: ChangePasswordRequest): Promise<ChangePasswordResponse>
  list(): Promise<ActiveSession[]>
  revoke(id: string): Promise<void>
  signOutEverywhere(): Promise<void>
}

export function createSessionsApi(client: ApiClient): SessionsApi {
  return {
    changePassword: (body) => client.send('POST', '/auth/password', body),
    list: async () => (await client.get<{ sessions: ActiveSession[] }>('/auth/sessions')).sessions,
    revoke: (id) => client.send('DELETE', `/auth/sessions/${encodeURIComponent(id)}`),
    signOutEverywhere: () => client.send('POST', '/auth/sign-out-everywhere'),
  }
}
