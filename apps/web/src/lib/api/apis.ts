import { getContext, setContext } from 'svelte'
import { useSession } from '../context.ts'
import { createAccountApi, type AccountApi } from './account-api.ts'
import { createArtistsApi, type ArtistsApi } from './artists-api.ts'
import { createBlocklistApi, type BlocklistApi } from './blocklist-api.ts'
import { createApiClient, type Authorize } from './client.ts'
import { createCommunityApi, type CommunityApi } from './community-api.ts'
import { createConnectionsApi, type ConnectionsApi } from './connections-api.ts'
import { createEnforcementApi, type EnforcementApi } from './enforcement-api.ts'
import { createSessionsApi, type SessionsApi } from './sessions-api.ts'

/** Every feature client, sharing one authorized transport. */
export interface Apis {
  artists: ArtistsApi
  blocklist: BlocklistApi
  community: CommunityApi
  account: AccountApi
  connections: ConnectionsApi
  enforcement: EnforcementApi
  sessions: SessionsApi
}

export function createApis(authorize: Authorize): Apis {
  const client = createApiClient(authorize)
  return {
    artists: createArtistsApi(client),
    blocklist: createBlocklistApi(client),
    community: createCommunityApi(client),
    account: createAccountApi(client),
    connections: createConnectionsApi(client),
    enforcement: createEnforcementApi(client),
    sessions: createSessionsApi(client),
  }
}

const APIS = Symbol('apis')

/** Lets a test (or a future app-level provider) hand components their clients. */
export function provideApis(apis: Apis): Apis {
  return setContext(APIS, apis)
}

/** The provided clients, or clients that call the API with the signed-in session's token. */
export function useApis(): Apis {
  const provided = getContext<Apis | undefined>(APIS)
  if (provided) return provided
  const session = useSession()
  return provideApis(createApis((call) => session.authorized(call)))
}

export const APIS_CONTEXT_KEY = APIS
