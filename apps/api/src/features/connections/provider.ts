import type { ProviderCapabilities, StreamingService } from '@ndith/contracts'

// The port every streaming-provider adapter implements. Readers return one page and a cursor, so the
// scan job can retry a single page after a 429 and report progress page by page.

/** Hands an adapter a usable access token; the single-flight refresher implements it. */
export interface AccessTokenSource {
  current(): Promise<string>
  /** After a 401 with `rejected`: a fresh token (refreshing once, or reusing another caller's refresh). */
  afterRejected(rejected: string): Promise<string>
}

export interface TokenGrant {
  accessToken: string
  /** Absent when the provider keeps the previous refresh token. */
  refreshToken: string | undefined
  expiresAt: Date
  scopes: string[]
}

export interface ProviderAccount {
  id: string
  displayName: string | null
}

export interface ArtistCredit {
  id: string
  name: string
  role: 'primary' | 'featured'
}

export interface LibraryTrack {
  uri: string
  id: string
  name: string
  addedAt: string | null
  artists: ArtistCredit[]
}

export interface LibraryAlbum {
  uri: string
  id: string
  name: string
  addedAt: string | null
  artists: ArtistCredit[]
}

export interface FollowedArtist {
  uri: string
  id: string
  name: string
  /** The picture to keep in the catalog (see pickArtistPicture); null when there is none. */
  imageUrl: string | null
}

export interface PlaylistSummary {
  id: string
  name: string
  ownerId: string
  collaborative: boolean
  snapshotId: string
  itemCount: number
}

export interface PlaylistEntry extends LibraryTrack {
  playlistId: string
  position: number
  isLocal: boolean
}

export interface Page<T> {
  items: T[]
  /** Pass back to read the next page; null on the last one. */
  next: string | null
  total: number | null
}

export interface ProviderLimits {
  pageSize: number
  libraryUrisPerCall: number
  playlistItemsPerCall: number
}

export interface AuthorizeRequest {
  redirectUri: string
  state: string
  codeChallenge: string
  scopes: readonly string[]
}

export interface StreamingProvider {
  readonly service: StreamingService
  readonly capabilities: ProviderCapabilities
  readonly limits: ProviderLimits
  readonly scopes: { read: readonly string[]; enforce: readonly string[] }

  authorizeUrl(request: AuthorizeRequest): string
  exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<TokenGrant>
  /** Throws GrantRevokedError when the provider refuses the refresh token. */
  refresh(refreshToken: string): Promise<TokenGrant>

  me(tokens: AccessTokenSource): Promise<ProviderAccount>
  savedTracks(tokens: AccessTokenSource, cursor: string | null): Promise<Page<LibraryTrack>>
  savedAlbums(tokens: AccessTokenSource, cursor: string | null): Promise<Page<LibraryAlbum>>
  followedArtists(tokens: AccessTokenSource, cursor: string | null): Promise<Page<FollowedArtist>>
  playlists(tokens: AccessTokenSource, cursor: string | null): Promise<Page<PlaylistSummary>>
  playlistItems(tokens: AccessTokenSource, playlistId: string, cursor: string | null): Promise<Page<PlaylistEntry>>

  /** Tracks, albums and artists by URI; at most `limits.libraryUrisPerCall`. */
  removeFromLibrary(tokens: AccessTokenSource, uris: readonly string[]): Promise<void>
  saveToLibrary(tokens: AccessTokenSource, uris: readonly string[]): Promise<void>
  /** Removes every occurrence; returns the playlist's new snapshot id. */
  removePlaylistItems(tokens: AccessTokenSource, playlistId: string, uris: readonly string[], snapshotId?: string): Promise<string>
  insertPlaylistItems(tokens: AccessTokenSource, playlistId: string, uris: readonly string[], position?: number): Promise<string>
}
