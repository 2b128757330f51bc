import { describe, expect, it } from 'vitest'
import { signInListener, type SignedInListener } from '../../../test/support/listener.ts'
import { useSimulatorApp } from '../../../test/support/simulator-app.ts'

const env = useSimulatorApp()

/** The listener clicks Connect, agrees at the simulator as `user`; the browser follows the redirect to our callback. */
async function connect(listener: SignedInListener, user: string) {
  const started = await listener.call('POST', '/me/connections', { provider: 'spotify_simulated' })
  expect(started.statusCode).toBe(201)
  const callback = await env.sim.approve(started.json().authorizeUrl, user)
  const finished = await env.t.app.inject({ url: `${callback.pathname}${callback.search}` })
  return { callback, finished }
}

describe('connecting the simulated Spotify and scanning the library', () => {
  it('offers the simulator; consent sends the browser to the loopback callback, which connects and returns to the app', async () => {
    const listener = await signInListener(env.t.app)
    expect((await listener.call('GET', '/me/connections')).json()).toEqual({ available: ['spotify_simulated'], connections: [] })

    const { callback, finished } = await connect(listener, 'alice')
    expect(callback.origin).toBe('http://127.0.0.1:5000')
    expect(callback.pathname).toBe('/api/v1/connections/callback')
    expect(finished.statusCode).toBe(303)
    expect(finished.headers.location).toBe('http://localhost:5000/connections?connected=spotify_simulated')

    const [connection] = (await listener.call('GET', '/me/connections')).json().connections
    expect(connection).toMatchObject({ provider: 'spotify_simulated', accountId: 'alice', status: 'active', scan: null })
    expect(connection.scopes).toEqual(expect.arrayContaining(['user-library-read', 'user-library-modify']))
  })

  it('a replayed callback connects nothing and says why on the Connections page', async () => {
    const listener = await signInListener(env.t.app)
    const { callback } = await connect(listener, 'bob')
    const replay = await env.t.app.inject({ url: `${callback.pathname}${callback.search}` })
    expect(replay.statusCode).toBe(303)
    const back = new URL(replay.headers.location as string)
    expect(back.searchParams.get('connectError')).toBe('This sign-in has expired or was already used; connect again')
  })

  it('cancelling at the consent screen connects nothing', async () => {
    const listener = await signInListener(env.t.app)
    const started = await listener.call('POST', '/me/connections', { provider: 'spotify_simulated' })
    const callback = await env.sim.approve(started.json().authorizeUrl, 'carol', 'deny')
    const finished = await env.t.app.inject({ url: `${callback.pathname}${callback.search}` })
    expect(new URL(finished.headers.location as string).searchParams.get('connectError')).toMatch(/cancelled/)
    expect((await listener.call('GET', '/me/connections')).json().connections).toEqual([])
  })

  it('a scan runs in the background with progress, then the library summary counts what involves listed artists', async () => {
    const listener = await signInListener(env.t.app)
    await connect(listener, 'carol')
    const [connection] = (await listener.call('GET', '/me/connections')).json().connections

    const started = await listener.call('POST', `/me/connections/${connection.id}/scans`)
    expect(started.statusCode).toBe(202)
    expect(started.json()).toMatchObject({ status: 'queued', pagesDone: 0 })
    const again = await listener.call('POST', `/me/connections/${connection.id}/scans`)
    expect(again.json().id).toBe(started.json().id) // one scan at a time

    const library = () => listener.call('GET', `/me/connections/${connection.id}/library`).then((r) => r.json())
    await expect.poll(async () => (await library()).scan.status, { timeout: 60_000, interval: 200 }).toBe('completed')
    const { scan, summary } = await library()
    const carol = await env.sim.library('carol')
    expect(scan.pagesDone).toBeGreaterThan(0)
    expect(summary.savedTracks.total).toBe(carol.savedTracks.length)
    expect(summary.followedArtists.total).toBe(carol.followedArtists.length)
    expect(summary.playlists.total).toBe(carol.playlists.length)
    expect(summary.savedTracks.blocked).toBe(0)

    // Listing an artist of her liked tracks: the summary counts every track crediting them, in any role.
    const spotifyId = carol.savedTracks[0]!.artistIds.at(-1)!
    const artist = await env.t.db.selectFrom('artists').select('id').where('spotify_id', '=', spotifyId).executeTakeFirstOrThrow()
    await listener.call('POST', '/me/blocklist', { artistId: artist.id })
    const crediting = carol.savedTracks.filter((track) => track.artistIds.includes(spotifyId)).length
    expect((await library()).summary.savedTracks.blocked).toBe(crediting)

    const activity = (await listener.call('GET', '/me/activity')).json().items.map((i: { action: string }) => i.action)
    expect(activity).toEqual(expect.arrayContaining(['connection.connected', 'library.scan_started']))
  }, 90_000)

  it('disconnecting deletes the tokens; another listener cannot see or disconnect the connection', async () => {
    const [owner, other] = [await signInListener(env.t.app), await signInListener(env.t.app)]
    await connect(owner, 'dana')
    const [connection] = (await owner.call('GET', '/me/connections')).json().connections
    expect((await other.call('DELETE', `/me/connections/${connection.id}`)).statusCode).toBe(404)
    expect((await other.call('GET', `/me/connections/${connection.id}/library`)).statusCode).toBe(404)
    expect((await owner.call('DELETE', `/me/connections/${connection.id}`)).statusCode).toBe(204)
    expect(await env.t.db.selectFrom('connections').select('id').where('id', '=', connection.id).execute()).toEqual([])
  })
})
