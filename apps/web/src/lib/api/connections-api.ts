import type { ConnectionLibrary, ConnectionProviderId, ConnectionsOverview, LibraryScan, StartConnectionResponse } from '@ndith/contracts'
import type { ApiClient } from './client.ts'

/** Streaming accounts: what is connected, connecting (the provider's consent page), library scans. */
export interface ConnectionsApi {
  overview(signal?: AbortSignal): Promise<ConnectionsOverview>
  /** Starts a sign-in at the provider: send the browser to `authorizeUrl` (a full navigation). */
  start(provider: ConnectionProviderId): Promise<StartConnectionResponse>
  /** The connection's tokens are deleted; nothing changes in the streaming account. */
  disconnect(connectionId: string): Promise<void>
  /** Queues a scan (or answers the one already queued or running); 409 CONFLICT when the account must be connected again. */
  scan(connectionId: string): Promise<LibraryScan>
  library(connectionId: string, signal?: AbortSignal): Promise<ConnectionLibrary>
}

const connection = (id: string) => `/me/connections/${encodeURIComponent(id)}`

export function createConnectionsApi(client: ApiClient): ConnectionsApi {
  return {
    overview: (signal) => client.get('/me/connections', {}, signal),
    start: (provider) => client.send('POST', '/me/connections', { provider }),
    disconnect: (id) => client.send('DELETE', connection(id)),
    scan: (id) => client.send('POST', `${connection(id)}/scans`),
    library: (id, signal) => client.get(`${connection(id)}/library`, {}, signal),
  }
}
