/** The scopes the simulator knows, with the words the consent screen shows (after Spotify's own). */
export const knownScopes: Record<string, string> = {
  'user-read-private': 'Access your subscription details',
  'user-read-email': 'Get your real email address',
  'user-library-read': 'Access your saved content',
  'user-library-modify': 'Manage your saved content',
  'user-follow-read': 'Access your followers and who you are following',
  'user-follow-modify': 'Manage who you are following',
  'playlist-read-private': 'Access your private playlists',
  'playlist-read-collaborative': 'Access your collaborative playlists',
  'playlist-modify-private': 'Manage your private playlists',
  'playlist-modify-public': 'Manage your public playlists',
}

export function parseScopes(scope: string | undefined): string[] {
  return [...new Set((scope ?? '').split(/[\s,+]+/).filter(Boolean))]
}
