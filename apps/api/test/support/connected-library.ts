import { randomBytes } from 'node:crypto'
import type { Db } from '../../src/db/database.ts'
import { createUser } from '../../src/features/connections/connection-fixtures.ts'
import { createConnectionsService } from '../../src/features/connections/service.ts'
import { createSpotifyAdapter } from '../../src/features/connections/spotify-adapter.ts'
import { createTokenRefresher } from '../../src/features/connections/token-refresher.ts'
import { createTokenVault } from '../../src/features/connections/token-vault.ts'
import { insertScan } from '../../src/features/library/repository.ts'
import { libraryScanner } from '../../src/features/library/scanner.ts'
import type { Simulator } from './simulator.ts'

const ctx = { requestId: 'req-test', ip: '127.0.0.1', userAgent: 'vitest' }

/**
 * A listener who connected the simulator's `user` through the real connect flow (PKCE, consent,
 * code exchange, sealed tokens), and a scanner for that connection.
 */
export async function connectSimulatedAccount(db: Db, sim: Simulator, user: string) {
  const clock = () => new Date()
  const vault = createTokenVault([{ id: 'k1', key: randomBytes(32) }])
  const providers = { spotify: createSpotifyAdapter({ clientId: sim.clientId, accountsUrl: sim.accountsUrl, apiUrl: sim.apiUrl }) }
  const refresher = createTokenRefresher({ db, vault, providers, clock })
  const connections = createConnectionsService({ db, vault, providers, clock })
  const scanner = libraryScanner({ db, providers, tokenSource: refresher.tokenSource, clock })

  const userId = await createUser(db)
  const { authorizeUrl } = await connections.beginConnect(userId, { provider: 'spotify', redirectUri: 'http://127.0.0.1:3999/callback' }, ctx)
  const callback = await sim.approve(authorizeUrl, user)
  const { connection } = await connections.completeConnect({ state: callback.searchParams.get('state')!, code: callback.searchParams.get('code')! }, ctx)

  /** Scans once; returns the scan id and the simulator's page reads it caused. */
  async function scanOnce() {
    await sim.clearRequests()
    const row = await insertScan(db, connection.id)
    await scanner(row.id)
    const reads = (await sim.requests()).filter((r) => r.method === 'GET' && r.path.startsWith('/v1/') && r.path !== '/v1/me')
    return { scanId: row.id, reads }
  }

  /** Page calls a scan must make at 50 items a page (an empty listing is still one call). */
  async function minimumPageCalls() {
    const library = await sim.library(user)
    const pages = (n: number) => Math.max(1, Math.ceil(n / 50))
    const readable = library.playlists.filter((p) => p.relation !== 'follower')
    return pages(library.savedTracks.length) + pages(library.savedAlbums.length) + pages(library.followedArtists.length) +
      pages(library.playlists.length) + readable.reduce((sum, p) => sum + pages(p.items.length), 0)
  }

  /** The snapshot as comparable rows: what, where, and which artists in which role. */
  async function snapshotRows(scanId: string) {
    const rows = await db.selectFrom('library_items as i')
      .leftJoin('library_item_artists as a', 'a.item_id', 'i.id')
      .leftJoin('artists as ar', 'ar.id', 'a.artist_id')
      .select(['i.kind', 'i.uri', 'i.playlist_id', 'i.position', 'ar.spotify_id', 'a.role'])
      .where('i.scan_id', '=', scanId).execute()
    return rows.map((r) => `${r.kind} ${r.uri} ${r.playlist_id ?? ''}#${r.position ?? ''} ${r.spotify_id ?? ''}:${r.role ?? ''}`).sort()
  }

  return { connectionId: connection.id, scanOnce, minimumPageCalls, snapshotRows }
}
