import type { SeedData } from '@ndith/devenv/seed-data'

/** What a seeded listener's library looks like; the library itself is drawn from the catalog by seed/library.ts. */
export interface UserSpec {
  id: string
  displayName: string
  email: string
  country: string
  product: 'premium' | 'free'
  likedTracks: number
  savedAlbums: number
  followedArtists: number
  /** Playlists the user owns; the first `collaborativeOwned` of them are collaborative. */
  ownedPlaylists: number
  collaborativeOwned: number
  /** Artists (catalog names) whose tracks must be in the library, as primary and as featured artist. */
  focusArtists: string[]
}

/** The artists on a dev account's effective Do-Not-Play list: its own blocks plus the lists it subscribes to. */
export function effectiveDnp(data: SeedData, email: string): string[] {
  const { blocks, lists, subscriptions } = data.fixtures
  const names = blocks.filter((b) => b.user === email).map((b) => b.artist)
  for (const s of subscriptions.filter((s) => s.user === email)) {
    for (const item of lists.find((l) => l.name === s.list)?.items ?? []) names.push(item.artist)
  }
  return [...new Set(names)]
}

/**
 * The seeded accounts: the dev users of tools/devenv (same emails, so a developer signs in to the app as
 * alice and connects the simulated Spotify as alice), plus `bench`, whose library size is configurable.
 */
export function userSpecs(data: SeedData, benchTracks: number): UserSpec[] {
  const base = { country: 'GB', product: 'premium' as const }
  return [
    { ...base, id: 'alice', displayName: 'Alice', email: 'alice@example.com', likedTracks: 2000, savedAlbums: 60, followedArtists: 80, ownedPlaylists: 24, collaborativeOwned: 2, focusArtists: effectiveDnp(data, 'alice@example.com') },
    { ...base, id: 'bob', displayName: 'Bob', email: 'bob@example.com', likedTracks: 400, savedAlbums: 20, followedArtists: 30, ownedPlaylists: 8, collaborativeOwned: 1, focusArtists: [] },
    { ...base, id: 'carol', displayName: 'Carol', email: 'carol@example.com', country: 'DE', likedTracks: 600, savedAlbums: 25, followedArtists: 40, ownedPlaylists: 10, collaborativeOwned: 0, focusArtists: effectiveDnp(data, 'carol@example.com') },
    { ...base, id: 'dana', displayName: 'Dana', email: 'dana@example.com', product: 'free', likedTracks: 0, savedAlbums: 0, followedArtists: 0, ownedPlaylists: 0, collaborativeOwned: 0, focusArtists: [] },
    { ...base, id: 'bench', displayName: 'Benchmark listener', email: 'bench@example.com', likedTracks: benchTracks, savedAlbums: 200, followedArtists: 300, ownedPlaylists: 20, collaborativeOwned: 0, focusArtists: effectiveDnp(data, 'alice@example.com') },
  ]
}

/**
 * Playlists shared between accounts, wired after every account exists:
 * - alice follows two of bob's playlists and three editorial ones (not hers: their items answer 403);
 * - bob's first playlist is collaborative and alice collaborates on it (hers to read and edit).
 */
export const sharing = {
  followedFromOwner: [
    { user: 'alice', owner: 'bob', count: 2, skip: 2 },
    { user: 'alice', owner: 'spotify', count: 3, skip: 1 },
    { user: 'carol', owner: 'spotify', count: 2, skip: 3 },
  ],
  collaborators: [{ user: 'alice', owner: 'bob', playlistIndex: 0 }],
}
