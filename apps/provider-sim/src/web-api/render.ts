import { artistImages } from './artist-images.ts'
import type { Catalog, PlaylistEntry, SimPlaylist, SimState, SimUser } from '../model.ts'

// JSON in Spotify's shapes (2026 development mode): ids, `spotify:` URIs, hrefs under /v1, no popularity
// or markets; playlists carry `items: { href, total }` and playlist entries carry `item` (was `track`).

const open = (type: string, id: string) => ({ spotify: `https://open.spotify.com/${type}/${id}` })

export function renderArtist(catalog: Catalog, base: string, id: string) {
  const name = catalog.artists.get(id)?.name ?? 'Unknown artist'
  return { external_urls: open('artist', id), href: `${base}/v1/artists/${id}`, id, name, type: 'artist', uri: `spotify:artist:${id}` }
}

export function renderFullArtist(catalog: Catalog, base: string, id: string) {
  return { ...renderArtist(catalog, base, id), genres: catalog.artists.get(id)?.genres ?? [], images: artistImages(id) }
}

export function renderAlbum(catalog: Catalog, base: string, id: string) {
  const album = catalog.albums.get(id)!
  return {
    album_type: 'album',
    total_tracks: album.trackIds.length,
    external_urls: open('album', id),
    href: `${base}/v1/albums/${id}`,
    id,
    images: [],
    name: album.name,
    release_date: album.releaseDate,
    release_date_precision: 'day',
    type: 'album',
    uri: `spotify:album:${id}`,
    artists: album.artistIds.map((a) => renderArtist(catalog, base, a)),
  }
}

/** A saved album: the album with its tracks as a first page (Spotify nests a paging object). */
export function renderFullAlbum(catalog: Catalog, base: string, id: string) {
  const album = catalog.albums.get(id)!
  const tracks = album.trackIds.slice(0, 50).map((t) => {
    const { album: _album, ...simplified } = renderTrack(catalog, base, t)
    return simplified
  })
  return {
    ...renderAlbum(catalog, base, id),
    tracks: { href: `${base}/v1/albums/${id}/tracks?offset=0&limit=50`, items: tracks, limit: 50, next: null, offset: 0, previous: null, total: album.trackIds.length },
    label: 'NDITH Simulated Records',
    genres: [],
  }
}

export function renderTrack(catalog: Catalog, base: string, id: string) {
  const track = catalog.tracks.get(id)!
  return {
    album: renderAlbum(catalog, base, track.albumId),
    artists: track.artistIds.map((a) => renderArtist(catalog, base, a)),
    disc_number: 1,
    duration_ms: track.durationMs,
    explicit: false,
    external_ids: {},
    external_urls: open('track', id),
    href: `${base}/v1/tracks/${id}`,
    id,
    is_local: false,
    name: track.name,
    track_number: track.trackNumber,
    type: 'track',
    uri: `spotify:track:${id}`,
  }
}

export function renderUserRef(state: SimState, base: string, id: string) {
  const displayName = state.users.get(id)?.displayName ?? state.owners.get(id)?.displayName ?? id
  return { display_name: displayName, external_urls: open('user', id), href: `${base}/v1/users/${id}`, id, type: 'user', uri: `spotify:user:${id}` }
}

export function renderMe(user: SimUser, base: string, fields: 'dev-mode' | 'extended') {
  const profile = {
    account_id: user.accountId,
    display_name: user.displayName,
    external_urls: open('user', user.id),
    href: `${base}/v1/users/${user.id}`,
    id: user.id,
    images: [],
    type: 'user',
    uri: `spotify:user:${user.id}`,
  }
  if (fields === 'dev-mode') return profile
  return { ...profile, email: user.email, country: user.country, product: user.product, explicit_content: { filter_enabled: false, filter_locked: false } }
}

export function renderPlaylist(state: SimState, base: string, playlist: SimPlaylist) {
  return {
    collaborative: playlist.collaborative,
    description: playlist.description,
    external_urls: open('playlist', playlist.id),
    href: `${base}/v1/playlists/${playlist.id}`,
    id: playlist.id,
    images: [],
    name: playlist.name,
    owner: renderUserRef(state, base, playlist.ownerId),
    public: playlist.public,
    snapshot_id: playlist.snapshots.at(-1)!,
    items: { href: `${base}/v1/playlists/${playlist.id}/items`, total: playlist.entries.length },
    type: 'playlist',
    uri: `spotify:playlist:${playlist.id}`,
  }
}

export function renderPlaylistEntry(state: SimState, base: string, entry: PlaylistEntry) {
  return { added_at: entry.addedAt, added_by: renderUserRef(state, base, entry.addedBy), is_local: false, item: renderTrack(state.catalog, base, entry.trackId) }
}
