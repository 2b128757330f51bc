import type { Response as InjectResponse } from 'light-my-request'
import type { Db } from '../../src/db/database.ts'
import type { Simulator, SimulatorLibrary, SimulatorRequest } from './simulator.ts'

/** A listener's call to the API (in-process `inject` or a real process over HTTP), answering status and JSON. */
export type ApiCall = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: object) => Promise<{ status: number; json: InjectResponse['json'] }>

/** Polls `read` until `done` holds (no fixed waits: the test's own timeout bounds it). */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read()
    if (done(value)) return value
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Connects `user` at the simulator through the consent screen; `follow` delivers the browser to our callback. */
export async function connectAndScan(call: ApiCall, sim: Simulator, user: string, follow: (callback: URL) => Promise<unknown>): Promise<string> {
  const started = await call('POST', '/me/connections', { provider: 'spotify_simulated' })
  await follow(await sim.approve(started.json().authorizeUrl, user))
  const connection = (await call('GET', '/me/connections')).json().connections.find((c: { accountId: string }) => c.accountId === user)
  await call('POST', `/me/connections/${connection.id}/scans`)
  await until(() => call('GET', `/me/connections/${connection.id}/library`), (r) => r.json().scan?.status === 'completed' || r.json().scan?.status === 'failed')
  return connection.id
}

/**
 * Lists the artists the user's liked tracks credit most (as primary), enough to give a plan library
 * removals over several chunks and playlist removals; returns their catalog ids.
 */
export async function blockFrequentArtists(call: ApiCall, db: Db, library: SimulatorLibrary, count: number): Promise<string[]> {
  const frequency = new Map<string, number>()
  for (const track of library.savedTracks) for (const id of track.artistIds.slice(0, 1)) frequency.set(id, (frequency.get(id) ?? 0) + 1)
  const top = [...frequency.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, count).map(([id]) => id)
  const rows = await db.selectFrom('artists').select(['id', 'spotify_id']).where('spotify_id', 'in', top).execute()
  for (const row of rows) await call('POST', '/me/blocklist', { artistId: row.id })
  return rows.map((r) => r.id)
}

/** Every page of a paged listing. */
export async function allPages<T>(call: ApiCall, url: string): Promise<T[]> {
  const out: T[] = []
  for (let offset = 0; ; offset += 100) {
    const page = (await call('GET', `${url}${url.includes('?') ? '&' : '?'}limit=100&offset=${offset}`)).json()
    out.push(...page.items)
    if (out.length >= page.total || !page.items.length) return out
  }
}

interface Action { kind: string; uri: string; playlistId: string | null }

/** The fewest removal calls a plan allows: ⌈library/40⌉ + Σ ⌈playlist/100⌉. */
export function minimumRemovalCalls(actions: readonly Action[]): number {
  const library = actions.filter((a) => !a.playlistId).length
  const perPlaylist = new Map<string, number>()
  for (const a of actions) if (a.playlistId) perPlaylist.set(a.playlistId, (perPlaylist.get(a.playlistId) ?? 0) + 1)
  return Math.ceil(library / 40) + [...perPlaylist.values()].reduce((sum, n) => sum + Math.ceil(n / 100), 0)
}

export const isRemoval = (r: SimulatorRequest) => r.method === 'DELETE' && (r.path === '/v1/me/library' || /^\/v1\/playlists\/[^/]+\/items$/.test(r.path))

/** A removal call that took effect: answered 200, or applied with its response lost (status 0 or a proxy's 502 marked as lost). */
export const applied = (r: SimulatorRequest) => r.status === 200 || (r.fault !== undefined && /lost/.test(r.fault))

/** The library as comparable data: sets for saved and followed items, exact sequences for playlists. */
export function comparable(library: SimulatorLibrary) {
  return {
    savedTracks: library.savedTracks.map((t) => t.uri).sort(),
    savedAlbums: library.savedAlbums.map((a) => a.uri).sort(),
    followedArtists: library.followedArtists.map((a) => a.uri).sort(),
    playlists: Object.fromEntries(library.playlists.map((p) => [p.id, p.items.map((i) => i.uri)])),
  }
}

/** The URIs of what a plan removes, per container ('library' or a playlist id), present in `library`. */
export function stillPresent(library: SimulatorLibrary, actions: readonly Action[]): string[] {
  const saved = new Set([...library.savedTracks, ...library.savedAlbums, ...library.followedArtists].map((i) => i.uri))
  const inPlaylist = new Map(library.playlists.map((p) => [p.id, new Set(p.items.map((i) => i.uri))]))
  return actions.filter((a) => (a.playlistId ? inPlaylist.get(a.playlistId)?.has(a.uri) : saved.has(a.uri))).map((a) => `${a.playlistId ?? 'library'} ${a.uri}`)
}

/**
 * An access token of the simulator's `user` obtained outside the API (its own PKCE sign-in), for a
 * test to change the user's library behind the API's back, as the listener would in Spotify's app.
 */
export async function simulatorUserToken(sim: Simulator, user: string): Promise<string> {
  const { createHash, randomBytes } = await import('node:crypto')
  const verifier = randomBytes(32).toString('base64url')
  const redirectUri = 'http://127.0.0.1:3999/elsewhere'
  const authorize = new URL(`${sim.accountsUrl}/authorize`)
  authorize.search = new URLSearchParams({
    client_id: sim.clientId, response_type: 'code', redirect_uri: redirectUri, state: 'test',
    scope: 'playlist-read-private playlist-modify-private playlist-modify-public',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
  }).toString()
  const code = (await sim.approve(authorize.toString(), user)).searchParams.get('code')!
  const response = await fetch(`${sim.accountsUrl}/api/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: sim.clientId, code_verifier: verifier }),
  })
  return ((await response.json()) as { access_token: string }).access_token
}
