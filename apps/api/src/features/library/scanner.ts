import { randomUUID } from 'node:crypto'
import { readPages } from '../connections/paging.ts'
import { GrantRevokedError, ProviderRequestError, RateLimitedError, ReconnectRequiredError } from '../connections/provider-errors.ts'
import type { ArtistCredit, Page } from '../connections/provider.ts'
import { realSleep, type ProviderJobDeps } from '../connections/provider-job.ts'
import * as repo from './repository.ts'
import type { ScannedItem, ScannedPlaylist } from './repository.ts'
import type { LibraryItemKind, ScanPhase } from './tables.ts'

export type LibraryScannerDeps = ProviderJobDeps

/** A provider item, before its artists are mapped to catalog ids. */
interface ProviderItem {
  kind: LibraryItemKind
  uri: string
  name: string
  playlistId?: string
  position?: number
  addedAt?: string | null
  artists: ArtistCredit[]
  /** A followed artist's picture (track and album credits carry none). */
  imageUrl?: string | null
}


/** What the listener reads when a scan stops for good (never a token or a raw provider body). */
function failureMessage(error: unknown): string | undefined {
  if (error instanceof RateLimitedError && error.quotaExceeded) return "The provider's daily quota for this app is used up; scan again later"
  if (error instanceof GrantRevokedError || error instanceof ReconnectRequiredError) return 'The provider no longer accepts this connection; connect the account again'
  if (error instanceof ProviderRequestError) return `The provider refused to list the library (${error.status})`
  return undefined
}

/**
 * The scan job: reads the whole library page by page at the provider's largest page size, maps every
 * credited artist to the catalog, and records each page with the progress in one transaction. A run
 * that was interrupted starts over under the same scan id; completing swaps the snapshot atomically.
 */
export function libraryScanner(deps: LibraryScannerDeps) {
  const sleep = deps.sleep ?? realSleep

  async function toScanned(items: ProviderItem[]): Promise<ScannedItem[]> {
    const catalog = await repo.catalogArtistsBySpotifyId(deps.db, items.flatMap((i) => i.artists.map((a) => ({ spotifyId: a.id, name: a.name, imageUrl: i.imageUrl ?? null }))))
    return items.map((i) => ({
      id: randomUUID(), kind: i.kind, uri: i.uri, name: i.name,
      playlistId: i.playlistId ?? null, position: i.position ?? null, addedAt: i.addedAt ?? null,
      artists: [...new Map(i.artists.filter((a) => catalog.has(a.id)).map((a) => [catalog.get(a.id)!, a.role])).entries()]
        .map(([artistId, role]) => ({ artistId, role })),
    }))
  }

  return async function scan(scanId: string): Promise<void> {
    const scan = await repo.findScan(deps.db, scanId)
    if (!scan || scan.status === 'completed' || scan.status === 'failed') return
    const connection = await deps.db.selectFrom('connections').select(['id', 'provider', 'provider_user_id']).where('id', '=', scan.connection_id).executeTakeFirst()
    const provider = connection && deps.providers[connection.provider]
    if (!connection || !provider) return void (await repo.failScan(deps.db, scanId, 'This provider is not configured here any more', deps.clock()))
    const tokens = deps.tokenSource(connection.id)
    const pages = <T>(read: (cursor: string | null) => Promise<Page<T>>) =>
      readPages(read, { sleep, onRetry: () => void repo.countRetry(deps.db, scanId) })
    const readInto = async <T>(phase: ScanPhase, read: (cursor: string | null) => Promise<Page<T>>, toItems: (items: T[]) => ProviderItem[]) => {
      for await (const page of pages(read)) await repo.recordPage(deps.db, scanId, phase, await toScanned(toItems(page.items)))
    }

    await repo.restartScan(deps.db, scanId, deps.clock())
    try {
      await readInto('saved_tracks', (c) => provider.savedTracks(tokens, c), (tracks) => tracks.map((t) => ({ kind: 'saved_track', ...t })))
      await readInto('saved_albums', (c) => provider.savedAlbums(tokens, c), (albums) => albums.map((a) => ({ kind: 'saved_album', ...a })))
      await readInto('followed_artists', (c) => provider.followedArtists(tokens, c), (artists) =>
        artists.map((a) => ({ kind: 'followed_artist', uri: a.uri, name: a.name, imageUrl: a.imageUrl, artists: [{ id: a.id, name: a.name, role: 'primary' }] })))

      const editable: ScannedPlaylist[] = []
      for await (const page of pages((c) => provider.playlists(tokens, c))) {
        const playlists = page.items.map((p) => ({
          playlistId: p.id, name: p.name, ownerId: p.ownerId, collaborative: p.collaborative, snapshotId: p.snapshotId, itemCount: p.itemCount,
          // Spotify lets an app read and change only playlists the listener owns or collaborates on.
          owned: p.ownerId === connection.provider_user_id || p.collaborative,
        }))
        editable.push(...playlists.filter((p) => p.owned))
        await repo.recordPage(deps.db, scanId, 'playlists', [], playlists)
      }
      for (const playlist of editable) {
        try {
          await readInto('playlist_items', (c) => provider.playlistItems(tokens, playlist.playlistId, c), (entries) =>
            entries.map((e) => ({ kind: 'playlist_item', uri: e.uri, name: e.name, playlistId: e.playlistId, position: e.position, addedAt: e.addedAt, artists: e.artists })))
        } catch (error) {
          // Collaborative but not shared with this listener: Spotify says 403, and it is not theirs to change.
          if (!(error instanceof ProviderRequestError && error.status === 403)) throw error
          await repo.markPlaylistReadOnly(deps.db, scanId, playlist.playlistId)
        }
      }
      await repo.completeScan(deps.db, scan, deps.clock())
    } catch (error) {
      const message = failureMessage(error)
      if (!message) throw error // retryable: the job runner tries again with backoff
      await repo.failScan(deps.db, scanId, message, deps.clock())
    }
  }
}

export type LibraryScanner = ReturnType<typeof libraryScanner>
