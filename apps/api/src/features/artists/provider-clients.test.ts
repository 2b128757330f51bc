import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configuredProviders, type ProviderEndpoints } from './provider-clients.ts'

// A local stand-in for Spotify's accounts and Web API and for MusicBrainz, speaking their formats.
const requests: { url: string; headers: http.IncomingHttpHeaders }[] = []
const server = http.createServer((req, res) => {
  requests.push({ url: req.url!, headers: req.headers })
  const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  if (req.url === '/accounts/api/token') {
    return req.headers.authorization === `Basic ${Buffer.from('id:secret').toString('base64')}` ? json(200, { access_token: 'tok', token_type: 'Bearer', expires_in: 3600 }) : json(400, { error: 'invalid_client' })
  }
  if (req.url === '/spotify/artists/3TVXtAsR1Inumwj472S9r4' && req.headers.authorization === 'Bearer tok') {
    return json(200, { id: '3TVXtAsR1Inumwj472S9r4', name: 'Drake', genres: ['rap'], images: [{ url: 'https://i.scdn.co/image/big', width: 640 }, { url: 'http://i.scdn.co/image/mid', width: 320 }, { url: 'https://i.scdn.co/image/small', width: 160 }, { url: 'https://i.scdn.co/image/tiny', width: 64 }] })
  }
  if (req.url?.startsWith('/mb/artist/5b11f4ce-a62d-471e-81fc-a69a8278c7da')) {
    return json(200, { id: '5b11f4ce-a62d-471e-81fc-a69a8278c7da', name: 'Nirvana', genres: [{ name: 'grunge' }] })
  }
  if (req.url === '/spotify/artists/broken') return json(502, {})
  return json(404, { error: { status: 404 } })
})

let endpoints: ProviderEndpoints
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  endpoints = { spotifyAccounts: `${base}/accounts`, spotifyApi: `${base}/spotify`, musicbrainzApi: `${base}/mb` }
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

describe('provider clients', () => {
  it('are only configured when their settings are present', () => {
    expect(Object.keys(configuredProviders({}, endpoints))).toEqual([])
    expect(Object.keys(configuredProviders({ spotifyClientId: 'id', spotifyClientSecret: 'secret', musicbrainzUserAgent: 'ndith/1' }, endpoints))).toEqual(['spotify', 'musicbrainz'])
  })

  it('Spotify: gets a client-credentials token once and reads the artist with the smallest https picture still sharp at 64 px on a 2× screen', async () => {
    const { spotify } = configuredProviders({ spotifyClientId: 'id', spotifyClientSecret: 'secret' }, endpoints)
    expect(await spotify!.fetchArtist('3TVXtAsR1Inumwj472S9r4')).toEqual({ provider: 'spotify', id: '3TVXtAsR1Inumwj472S9r4', name: 'Drake', genres: ['rap'], imageUrl: 'https://i.scdn.co/image/small' })
    expect(await spotify!.fetchArtist('0000000000000000000000')).toBeUndefined()
    expect(requests.filter((r) => r.url === '/accounts/api/token')).toHaveLength(1)
  })

  it('Spotify: a provider outage is an error, not "no such artist"', async () => {
    const { spotify } = configuredProviders({ spotifyClientId: 'id', spotifyClientSecret: 'secret' }, endpoints)
    await expect(spotify!.fetchArtist('broken')).rejects.toThrow(/answered 502/)
  })

  it('Spotify: wrong client credentials say which settings to check', async () => {
    const { spotify } = configuredProviders({ spotifyClientId: 'id', spotifyClientSecret: 'wrong' }, endpoints)
    await expect(spotify!.fetchArtist('3TVXtAsR1Inumwj472S9r4')).rejects.toThrow(/SPOTIFY_CLIENT_ID/)
  })

  it('MusicBrainz: identifies itself and maps genres', async () => {
    const { musicbrainz } = configuredProviders({ musicbrainzUserAgent: 'ndith/1.0 (dev@example.com)' }, endpoints)
    expect(await musicbrainz!.fetchArtist('5b11f4ce-a62d-471e-81fc-a69a8278c7da')).toMatchObject({ name: 'Nirvana', genres: ['grunge'] })
    expect(requests.at(-1)!.headers['user-agent']).toBe('ndith/1.0 (dev@example.com)')
  })
})
