import Type, { type Static } from 'typebox'
import { CONNECTION_PROVIDERS } from './provider-capabilities.ts'
import { DateTime, Nullable, OneOf, Uuid } from './schemas.ts'

export const ConnectionProvider = OneOf(CONNECTION_PROVIDERS)

export const ConnectionIdParams = Type.Object({ id: Uuid })
export type ConnectionIdParams = Static<typeof ConnectionIdParams>

export const SCAN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const
export const SCAN_PHASES = ['saved_tracks', 'saved_albums', 'followed_artists', 'playlists', 'playlist_items'] as const

/** One reading of a connected library, with its progress while it runs. */
export const LibraryScan = Type.Object({
  id: Uuid,
  status: OneOf(SCAN_STATUSES),
  phase: Nullable(OneOf(SCAN_PHASES)),
  pagesDone: Type.Integer(),
  itemsFound: Type.Integer(),
  retries: Type.Integer({ description: 'Pages read again after a 429 (rate limit) or a 5xx' }),
  error: Nullable(Type.String()),
  createdAt: DateTime,
  startedAt: Nullable(DateTime),
  completedAt: Nullable(DateTime),
})
export type LibraryScan = Static<typeof LibraryScan>

export const Connection = Type.Object({
  id: Uuid,
  provider: ConnectionProvider,
  accountId: Type.String({ description: "The provider's id of the account" }),
  displayName: Nullable(Type.String()),
  scopes: Type.Array(Type.String()),
  status: OneOf(['active', 'needs_reauth', 'error'], { description: 'needs_reauth: the provider no longer accepts the grant; connect again' }),
  lastError: Nullable(Type.String()),
  lastScannedAt: Nullable(DateTime),
  connectedAt: DateTime,
  /** The latest scan (running or finished), or null before the first one. */
  scan: Nullable(LibraryScan),
})
export type Connection = Static<typeof Connection>

export const ConnectionsOverview = Type.Object({
  /** What can be connected on this deployment (the simulator, Spotify when a client id is configured). */
  available: Type.Array(ConnectionProvider),
  connections: Type.Array(Connection),
})
export type ConnectionsOverview = Static<typeof ConnectionsOverview>

export const StartConnectionRequest = Type.Object({ provider: ConnectionProvider }, { additionalProperties: false })
export type StartConnectionRequest = Static<typeof StartConnectionRequest>

export const StartConnectionResponse = Type.Object({
  /** Where to send the browser: the provider's consent page. */
  authorizeUrl: Type.String(),
  expiresAt: DateTime,
})
export type StartConnectionResponse = Static<typeof StartConnectionResponse>

/** What the provider sends the browser back with (OAuth 2.0 authorization response). */
export const ConnectionCallbackQuery = Type.Object({
  state: Type.String({ minLength: 1, maxLength: 512 }),
  code: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
  error: Type.Optional(Type.String({ maxLength: 512 })),
  error_description: Type.Optional(Type.String({ maxLength: 2048 })),
})
export type ConnectionCallbackQuery = Static<typeof ConnectionCallbackQuery>

const KindCount = Type.Object({
  total: Type.Integer(),
  /** Items crediting an artist on the listener's effective Do-Not-Play list (any role). */
  blocked: Type.Integer(),
})

export const LibrarySummary = Type.Object({
  scannedAt: DateTime,
  savedTracks: KindCount,
  savedAlbums: KindCount,
  followedArtists: KindCount,
  playlistItems: KindCount,
  playlists: Type.Object({ total: Type.Integer(), editable: Type.Integer({ description: 'Owned or collaborative: their items were read' }) }),
})
export type LibrarySummary = Static<typeof LibrarySummary>

export const ConnectionLibrary = Type.Object({
  scan: Nullable(LibraryScan),
  /** The current snapshot's summary; null before a scan completed. */
  summary: Nullable(LibrarySummary),
})
export type ConnectionLibrary = Static<typeof ConnectionLibrary>
