import { providerCapabilities } from '@ndith/contracts'
import { AccessTokenRejectedError } from './provider-errors.ts'
import type {
  AccessTokenSource, ArtistCredit, FollowedArtist, LibraryAlbum, LibraryTrack, Page, PlaylistEntry, PlaylistSummary,
  ProviderLimits, StreamingProvider,
} from './provider.ts'
import { pickArtistPicture, type ProviderImage } from '../artists/images.ts'
import { exchangeSpotifyCode, refreshSpotifyToken, SPOTIFY_SCOPES, spotifyAuthorizeUrl } from './spotify-accounts.ts'
import { classifySpotifyResponse, parseJson, send, type HttpDeps } from './spotify-http.ts'

/** The largest pages Spotify serves and the most a write accepts (Web API, 2026). */
export const SPOTIFY_LIMITS: ProviderLimits = { pageSize: 50, libraryUrisPerCall: 40, playlistItemsPerCall: 100 }

export interface SpotifyAdapterOptions {
  clientId: string
  /** https://accounts.spotify.com, or the simulator's origin. */
  accountsUrl: string
  /** The consent page's origin as the browser sees it, when the API reaches the accounts service elsewhere. */
  authorizeBaseUrl?: string
  /** https://api.spotify.com/v1, or the simulator's /v1. */
  apiUrl: string
  fetch?: typeof globalThis.fetch
  timeoutMs?: number
  now?: () => number
}

interface SpotifyArtist { id: string; name: string }
interface SpotifyTrack {
  id: string | null
  uri: string
  name: string
  type?: string
  artists?: SpotifyArtist[]
  album?: { artists?: SpotifyArtist[] }
}
interface OffsetPage<T> { items: T[]; next: string | null; total?: number; offset?: number; limit?: number }

/**
 * Artists credited on a track who are also the album's artists are primary; the rest are featured
 * (Spotify lists "Song (feat. X)" guests after the album artists). Without an album, the first is primary.
 */
export function creditedArtists(track: SpotifyTrack): ArtistCredit[] {
  const albumArtists = new Set((track.album?.artists ?? []).map((a) => a.id))
  return (track.artists ?? []).map((artist, index) => ({
    id: artist.id,
    name: artist.name,
    role: (albumArtists.size ? albumArtists.has(artist.id) : index === 0) ? 'primary' : 'featured',
  }))
}

const libraryTrack = (track: SpotifyTrack, addedAt: string | null): LibraryTrack => ({
  uri: track.uri,
  id: track.id ?? track.uri,
  name: track.name,
  addedAt,
  artists: creditedArtists(track),
})

const offsetOf = (cursor: string | null) => (cursor ? Number(cursor) : 0)

function nextOffset(page: OffsetPage<unknown>, offset: number): string | null {
  return page.next ? String(offset + (page.limit ?? SPOTIFY_LIMITS.pageSize)) : null
}

function checkBatch(uris: readonly string[], max: number, what: string) {
  if (uris.length === 0 || uris.length > max) throw new RangeError(`${what} takes 1 to ${max} URIs a call, not ${uris.length}`)
}

export function createSpotifyAdapter(options: SpotifyAdapterOptions): StreamingProvider {
  const deps: HttpDeps = {
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? 15_000,
    now: options.now ?? Date.now,
  }
  const accounts = {
    clientId: options.clientId,
    accountsUrl: options.accountsUrl.replace(/\/+$/, ''),
    ...(options.authorizeBaseUrl ? { authorizeBaseUrl: options.authorizeBaseUrl.replace(/\/+$/, '') } : {}),
  }
  const apiUrl = options.apiUrl.replace(/\/+$/, '')

  /** One Web API call; on 401 asks the token source for a fresh token and tries exactly once more. */
  async function call<T>(tokens: AccessTokenSource, method: string, path: string, request: { query?: Record<string, string>; body?: unknown } = {}): Promise<T> {
    const url = new URL(`${apiUrl}${path}`)
    if (request.query) url.search = new URLSearchParams(request.query).toString()
    const write = method !== 'GET'
    const attempt = async (token: string) => send(deps, url.toString(), {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    }, write)
    let token = await tokens.current()
    let sent = await attempt(token)
    if (sent.response.status === 401) {
      token = await tokens.afterRejected(token)
      sent = await attempt(token)
      if (sent.response.status === 401) throw new AccessTokenRejectedError('spotify')
    }
    const error = classifySpotifyResponse(sent.response, sent.body, { write, now: deps.now() })
    if (error) throw error
    return parseJson<T>(sent.body)
  }

  const pageQuery = (offset: number, extra: Record<string, string> = {}) => ({ limit: String(SPOTIFY_LIMITS.pageSize), offset: String(offset), ...extra })

  return {
    service: 'spotify',
    capabilities: providerCapabilities('spotify').capabilities,
    limits: SPOTIFY_LIMITS,
    scopes: SPOTIFY_SCOPES,

    authorizeUrl: (request) => spotifyAuthorizeUrl(accounts, request),
    exchangeCode: (input) => exchangeSpotifyCode(accounts, deps, input),
    refresh: (refreshToken) => refreshSpotifyToken(accounts, deps, refreshToken),

    async me(tokens) {
      const data = await call<{ id: string; display_name?: string | null }>(tokens, 'GET', '/me')
      return { id: data.id, displayName: data.display_name ?? null }
    },

    async savedTracks(tokens, cursor): Promise<Page<LibraryTrack>> {
      const offset = offsetOf(cursor)
      const page = await call<OffsetPage<{ added_at: string; track: SpotifyTrack | null }>>(tokens, 'GET', '/me/tracks', { query: pageQuery(offset) })
      return {
        items: page.items.flatMap((entry) => (entry.track ? [libraryTrack(entry.track, entry.added_at)] : [])),
        next: nextOffset(page, offset),
        total: page.total ?? null,
      }
    },

    async savedAlbums(tokens, cursor): Promise<Page<LibraryAlbum>> {
      const offset = offsetOf(cursor)
      type Album = { id: string; uri: string; name: string; artists?: SpotifyArtist[] }
      const page = await call<OffsetPage<{ added_at: string; album: Album | null }>>(tokens, 'GET', '/me/albums', { query: pageQuery(offset) })
      return {
        items: page.items.flatMap(({ added_at, album }) => album
          ? [{ uri: album.uri, id: album.id, name: album.name, addedAt: added_at, artists: (album.artists ?? []).map((a) => ({ id: a.id, name: a.name, role: 'primary' as const })) }]
          : []),
        next: nextOffset(page, offset),
        total: page.total ?? null,
      }
    },

    async followedArtists(tokens, cursor): Promise<Page<FollowedArtist>> {
      const query: Record<string, string> = { type: 'artist', limit: String(SPOTIFY_LIMITS.pageSize), ...(cursor ? { after: cursor } : {}) }
      type Cursored = { artists: { items: { id: string; uri: string; name: string; images?: ProviderImage[] }[]; next: string | null; total?: number; cursors?: { after?: string | null } } }
      const { artists } = await call<Cursored>(tokens, 'GET', '/me/following', { query })
      return {
        items: artists.items.map((a) => ({ uri: a.uri, id: a.id, name: a.name, imageUrl: pickArtistPicture(a.images) })),
        next: artists.next ? (artists.cursors?.after ?? null) : null,
        total: artists.total ?? null,
      }
    },

    async playlists(tokens, cursor): Promise<Page<PlaylistSummary>> {
      const offset = offsetOf(cursor)
      // Since 2026 the playlist's item count is under `items`; older answers call it `tracks`.
      type Playlist = { id: string; name: string; owner: { id: string }; collaborative?: boolean; snapshot_id: string; items?: { total: number }; tracks?: { total: number } }
      const page = await call<OffsetPage<Playlist | null>>(tokens, 'GET', '/me/playlists', { query: pageQuery(offset) })
      return {
        items: page.items.flatMap((p) => p
          ? [{ id: p.id, name: p.name, ownerId: p.owner.id, collaborative: Boolean(p.collaborative), snapshotId: p.snapshot_id, itemCount: p.items?.total ?? p.tracks?.total ?? 0 }]
          : []),
        next: nextOffset(page, offset),
        total: page.total ?? null,
      }
    },

    async playlistItems(tokens, playlistId, cursor): Promise<Page<PlaylistEntry>> {
      const offset = offsetOf(cursor)
      type Entry = { added_at: string | null; is_local?: boolean; item?: SpotifyTrack | null; track?: SpotifyTrack | null }
      const page = await call<OffsetPage<Entry>>(tokens, 'GET', `/playlists/${encodeURIComponent(playlistId)}/items`, { query: pageQuery(offset, { additional_types: 'track' }) })
      return {
        // Positions count every slot, including unavailable items that are skipped.
        items: page.items.flatMap((entry, index) => {
          const track = entry.item ?? entry.track
          if (!track || (track.type && track.type !== 'track')) return []
          return [{ ...libraryTrack(track, entry.added_at), playlistId, position: offset + index, isLocal: Boolean(entry.is_local) }]
        }),
        next: nextOffset(page, offset),
        total: page.total ?? null,
      }
    },

    async removeFromLibrary(tokens, uris) {
      checkBatch(uris, SPOTIFY_LIMITS.libraryUrisPerCall, 'DELETE /me/library')
      await call(tokens, 'DELETE', '/me/library', { query: { uris: uris.join(',') } })
    },

    async saveToLibrary(tokens, uris) {
      checkBatch(uris, SPOTIFY_LIMITS.libraryUrisPerCall, 'PUT /me/library')
      await call(tokens, 'PUT', '/me/library', { query: { uris: uris.join(',') } })
    },

    async removePlaylistItems(tokens, playlistId, uris, snapshotId) {
      checkBatch(uris, SPOTIFY_LIMITS.playlistItemsPerCall, 'DELETE /playlists/{id}/items')
      const body = { items: uris.map((uri) => ({ uri })), ...(snapshotId ? { snapshot_id: snapshotId } : {}) }
      return (await call<{ snapshot_id: string }>(tokens, 'DELETE', `/playlists/${encodeURIComponent(playlistId)}/items`, { body })).snapshot_id
    },

    async insertPlaylistItems(tokens, playlistId, uris, position) {
      checkBatch(uris, SPOTIFY_LIMITS.playlistItemsPerCall, 'POST /playlists/{id}/items')
      const body = { uris, ...(position === undefined ? {} : { position }) }
      return (await call<{ snapshot_id: string }>(tokens, 'POST', `/playlists/${encodeURIComponent(playlistId)}/items`, { body })).snapshot_id
    },
  }
}
