import { pickArtistPicture, type ProviderImage } from './images.ts'
import type { ArtistProvider, ArtistProviders, ProviderArtist } from './providers.ts'

/** Where the real services live; tests point these at a local fake. */
export interface ProviderEndpoints {
  spotifyApi: string
  spotifyAccounts: string
  musicbrainzApi: string
}

export const defaultEndpoints: ProviderEndpoints = {
  spotifyApi: 'https://api.spotify.com/v1',
  spotifyAccounts: 'https://accounts.spotify.com',
  musicbrainzApi: 'https://musicbrainz.org/ws/2',
}

const TIMEOUT_MS = 5000

async function getJson(url: string, headers: Record<string, string>): Promise<unknown | undefined> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) })
  if (response.status === 404 || response.status === 400) return undefined
  if (!response.ok) throw new Error(`${new URL(url).host} answered ${response.status}`)
  return response.json()
}

/** Spotify Web API with the client-credentials flow (no user needed to read public artists). */
export function spotifyArtists(clientId: string, clientSecret: string, endpoints = defaultEndpoints, clock = () => Date.now()): ArtistProvider {
  let token: { value: string; expiresAt: number } | undefined
  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > clock() + 30_000) return token.value
    const response = await fetch(`${endpoints.spotifyAccounts}/api/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    if (!response.ok) throw new Error(`Spotify refused the client credentials (${response.status}): check SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET`)
    const body = (await response.json()) as { access_token: string; expires_in: number }
    token = { value: body.access_token, expiresAt: clock() + body.expires_in * 1000 }
    return token.value
  }
  return {
    async fetchArtist(id) {
      const data = (await getJson(`${endpoints.spotifyApi}/artists/${encodeURIComponent(id)}`, { authorization: `Bearer ${await accessToken()}` })) as
        | { id: string; name: string; genres?: string[]; images?: ProviderImage[] }
        | undefined
      if (!data) return undefined
      return { provider: 'spotify', id: data.id, name: data.name, genres: data.genres ?? [], imageUrl: pickArtistPicture(data.images) } satisfies ProviderArtist
    },
  }
}

/** MusicBrainz: open data, no key; it asks every client to identify itself. */
export function musicbrainzArtists(userAgent: string, endpoints = defaultEndpoints): ArtistProvider {
  return {
    async fetchArtist(id) {
      const data = (await getJson(`${endpoints.musicbrainzApi}/artist/${encodeURIComponent(id)}?fmt=json&inc=aliases+genres`, { 'user-agent': userAgent, accept: 'application/json' })) as
        | { id: string; name: string; genres?: { name: string }[] }
        | undefined
      if (!data) return undefined
      return { provider: 'musicbrainz', id: data.id, name: data.name, genres: (data.genres ?? []).map((g) => g.name), imageUrl: null }
    },
  }
}

export interface ProviderSettings {
  spotifyClientId?: string | undefined
  spotifyClientSecret?: string | undefined
  musicbrainzUserAgent?: string | undefined
}

/** The providers the configuration enables; an unconfigured provider is simply not asked. */
export function configuredProviders(settings: ProviderSettings, endpoints = defaultEndpoints): ArtistProviders {
  return {
    ...(settings.spotifyClientId && settings.spotifyClientSecret
      ? { spotify: spotifyArtists(settings.spotifyClientId, settings.spotifyClientSecret, endpoints) }
      : {}),
    ...(settings.musicbrainzUserAgent ? { musicbrainz: musicbrainzArtists(settings.musicbrainzUserAgent, endpoints) } : {}),
  }
}
