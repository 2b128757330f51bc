import type { ActivityKind, ActivityPage } from '@ndith/contracts'
import type { ApiClient, DownloadedFile } from './client.ts'

/** The user's own activity feed and account data. */
export interface AccountApi {
  activity(page: { limit?: number; cursor?: string | null; kind?: ActivityKind }, signal?: AbortSignal): Promise<ActivityPage>
  exportData(): Promise<DownloadedFile>
  /** 400 with field "password" (code "incorrect") when the password is wrong. */
  deleteAccount(password: string): Promise<void>
}

export function createAccountApi(client: ApiClient): AccountApi {
  return {
    activity: ({ limit, cursor, kind }, signal) => client.get('/me/activity', { limit, cursor, kind }, signal),
    exportData: () => client.download('/me/export', {}, 'ndith-account.json'),
    deleteAccount: (password) => client.send('DELETE', '/me', { password }),
  }
}
