import type { ActivityKind, ActivityPage, Profile } from '@ndith/contracts'
import type { ApiClient, DownloadedFile } from './client.ts'

/** The user's own activity feed and account data. */
export interface AccountApi {
  activity(page: { limit?: number; cursor?: string | null; kind?: ActivityKind }, signal?: AbortSignal): Promise<ActivityPage>
  exportData(): Promise<DownloadedFile>
  profile(): Promise<Profile>
  /** null goes back to the generated "Listener 6a6cfc". */
  setDisplayName(displayName: string | null): Promise<Profile>
  /** 400 with field "password" (code "incorrect") when the password is wrong. */
  deleteAccount(password: string): Promise<void>
}

export function createAccountApi(client: ApiClient): AccountApi {
  return {
    activity: ({ limit, cursor, kind }, signal) => client.get('/me/activity', { limit, cursor, kind }, signal),
    exportData: () => client.download('/me/export', {}, 'ndith-account.json'),
    profile: () => client.get('/me/profile'),
    setDisplayName: (displayName) => client.send('PUT', '/me/profile', { displayName }),
    deleteAccount: (password) => client.send('DELETE', '/me', { password }),
  }
}
