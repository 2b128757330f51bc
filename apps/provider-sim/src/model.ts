// The simulator's state, shaped after what Spotify stores (not after its JSON): responses are built in web-api/.

export interface SimArtist {
  id: string
  name: string
  genres: string[]
}

export interface SimAlbum {
  id: string
  name: string
  /** artists[0] is the primary artist. */
  artistIds: string[]
  releaseDate: string
  trackIds: string[]
}

export interface SimTrack {
  id: string
  name: string
  /** artistIds[0] is the primary artist, the rest are featured. */
  artistIds: string[]
  albumId: string
  trackNumber: number
  durationMs: number
}

export interface Catalog {
  artists: Map<string, SimArtist>
  albums: Map<string, SimAlbum>
  tracks: Map<string, SimTrack>
}

export interface Saved {
  id: string
  addedAt: string
}

export interface PlaylistEntry {
  trackId: string
  addedAt: string
  addedBy: string
}

export interface SimPlaylist {
  id: string
  name: string
  description: string
  ownerId: string
  collaborative: boolean
  public: boolean
  /** Users who may edit a collaborative playlist besides its owner. */
  collaborators: string[]
  entries: PlaylistEntry[]
  /** Every snapshot this playlist has had, the current one last. */
  snapshots: string[]
}

export interface SimUser {
  id: string
  displayName: string
  accountId: string
  email: string
  country: string
  product: 'premium' | 'free'
  /** Newest first, as Spotify lists them. */
  savedTracks: Saved[]
  savedAlbums: Saved[]
  followedArtists: Saved[]
  /** The playlists in the user's library, owned or followed, in display order. */
  playlistIds: string[]
}

/** A playlist owner that cannot sign in (editorial playlists). */
export interface SimOwner {
  id: string
  displayName: string
}

export interface SimState {
  catalog: Catalog
  users: Map<string, SimUser>
  owners: Map<string, SimOwner>
  playlists: Map<string, SimPlaylist>
}
