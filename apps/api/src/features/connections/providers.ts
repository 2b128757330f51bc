import type { ConnectionProviderId } from '@ndith/contracts'
import type { ConnectionsConfig } from '../../config-connections.ts'
import type { StreamingProvider } from './provider.ts'
import { createSpotifyAdapter } from './spotify-adapter.ts'

/**
 * The adapters this deployment offers: the real Spotify when a client id is configured, the simulator
 * when SIMULATOR_URL is set — one Spotify adapter, two sets of base URLs.
 */
export function connectionProviders(config: ConnectionsConfig): Partial<Record<ConnectionProviderId, StreamingProvider>> {
  if (!config.tokenEncryptionKeys) return {} // nowhere to keep tokens: nothing can be connected
  const providers: Partial<Record<ConnectionProviderId, StreamingProvider>> = {}
  if (config.spotify) providers.spotify = createSpotifyAdapter(config.spotify)
  if (config.simulator) providers.spotify_simulated = createSpotifyAdapter(config.simulator)
  return providers
}
