/**
 * Spotify's snapshot ids are opaque strings that change with every edit. Ours encode the playlist and a
 * version, so they are deterministic and a stale one is recognisable.
 */
export function snapshotId(playlistId: string, version: number): string {
  return Buffer.from(`${version},${playlistId}`).toString('base64url')
}
