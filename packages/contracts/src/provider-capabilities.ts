// Plain data (the web app renders it): what each streaming service lets a third-party app do to a
// listener's library, as of 2026. Only what a service's public API allows counts, not its own apps.

export const STREAMING_SERVICES = ['spotify', 'apple_music', 'tidal', 'youtube_music', 'deezer'] as const
export type StreamingService = (typeof STREAMING_SERVICES)[number]

export interface ProviderCapabilities {
  /** A third-party app can connect a listener's account at all. */
  canConnect: boolean
  canReadLibrary: boolean
  canRemoveSavedTracks: boolean
  canRemoveSavedAlbums: boolean
  canUnfollowArtists: boolean
  /** Items of playlists the listener owns or collaborates on. */
  canReadPlaylistItems: boolean
  canRemovePlaylistItems: boolean
  /** Put back what a run removed (re-save, re-follow, re-insert at the old position). */
  canRestore: boolean
  /** Mark an artist or track "dislike" instead of removing it. */
  canRateDislike: boolean
}

export interface ProviderCapabilityEntry {
  service: StreamingService
  label: string
  /** Connected by this product today. */
  supported: boolean
  capabilities: ProviderCapabilities
  /** Limits and caveats, in plain words, for the Connections page. */
  notes: string[]
}

const none: ProviderCapabilities = {
  canConnect: false,
  canReadLibrary: false,
  canRemoveSavedTracks: false,
  canRemoveSavedAlbums: false,
  canUnfollowArtists: false,
  canReadPlaylistItems: false,
  canRemovePlaylistItems: false,
  canRestore: false,
  canRateDislike: false,
}

export const PROVIDER_CAPABILITY_MATRIX: readonly ProviderCapabilityEntry[] = [
  {
    service: 'spotify',
    label: 'Spotify',
    supported: true,
    capabilities: {
      canConnect: true,
      canReadLibrary: true,
      canRemoveSavedTracks: true,
      canRemoveSavedAlbums: true,
      canUnfollowArtists: true,
      canReadPlaylistItems: true,
      canRemovePlaylistItems: true,
      canRestore: true,
      canRateDislike: false,
    },
    notes: [
      'Removes up to 40 library items per call (DELETE /me/library) and up to 100 playlist items (every occurrence of a track).',
      'Playlist items are readable only for playlists you own or collaborate on; followed playlists are left alone.',
      'Rate limited over a rolling 30-second window; since July 2026 a 429 may mean the app\'s quota is used up.',
      'Apps in development mode allow 5 listeners, so each deployment brings its own client id.',
    ],
  },
  {
    service: 'apple_music',
    label: 'Apple Music',
    supported: false,
    capabilities: { ...none, canConnect: true, canReadLibrary: true, canReadPlaylistItems: true, canRateDislike: true },
    notes: [
      'The Apple Music API cannot remove songs, albums or playlist items from a library; it can only rate them (dislike).',
      'Enforcement would be limited to dislikes, which steer recommendations but keep items in the library.',
    ],
  },
  {
    service: 'tidal',
    label: 'TIDAL',
    supported: false,
    capabilities: { ...none, canConnect: true, canReadLibrary: true, canReadPlaylistItems: true },
    notes: [
      'TIDAL changed its collection (favourites) endpoints in 2026; removal is not offered until we have checked the new ones.',
    ],
  },
  {
    service: 'youtube_music',
    label: 'YouTube Music',
    supported: false,
    capabilities: { ...none, canConnect: true, canReadPlaylistItems: true, canRemovePlaylistItems: true, canRestore: true, canRateDislike: true },
    notes: [
      'Only playlists and ratings are reachable through the YouTube Data API; liked songs are a playlist, there is no library or follow endpoint.',
      'The default quota allows about 200 writes a day, so a large clean-up would take days.',
    ],
  },
  {
    service: 'deezer',
    label: 'Deezer',
    supported: false,
    capabilities: none,
    notes: ['Deezer has closed registration of new apps, so no third-party app can connect new listeners.'],
  },
]

export const providerCapabilities = (service: StreamingService): ProviderCapabilityEntry =>
  PROVIDER_CAPABILITY_MATRIX.find((entry) => entry.service === service)!

/**
 * What a listener can connect here: a service, and the Spotify simulator (apps/provider-sim) that
 * stands in for Spotify in development and CI — the same adapter, another base URL.
 */
export const CONNECTION_PROVIDERS = ['spotify', 'spotify_simulated'] as const
export type ConnectionProviderId = (typeof CONNECTION_PROVIDERS)[number]

export const CONNECTION_PROVIDER_INFO: Record<ConnectionProviderId, { label: string; service: StreamingService }> = {
  spotify: { label: 'Spotify', service: 'spotify' },
  spotify_simulated: { label: 'Spotify (simulated)', service: 'spotify' },
}
