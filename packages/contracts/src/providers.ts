import { vocabulary } from './vocabulary.ts'

/** Streaming services and catalogs an artist can be identified by. */
export const { codes: PROVIDERS, labels: PROVIDER_LABELS } = vocabulary({ spotify: 'Spotify', apple_music: 'Apple Music', youtube_music: 'YouTube Music', tidal: 'TIDAL', musicbrainz: 'MusicBrainz' })
export type Provider = (typeof PROVIDERS)[number]

export interface ProviderRef {
  provider: Provider
  id: string
}

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'

// Each pattern captures the provider's artist id from a URL path or a URI.
const patterns: { provider: Provider; host?: RegExp; path: RegExp }[] = [
  { provider: 'spotify', host: /^open\.spotify\.com$/, path: /^\/(?:intl-[a-z-]+\/)?artist\/([0-9A-Za-z]{22})\/?$/ },
  { provider: 'apple_music', host: /^(?:music|itunes)\.apple\.com$/, path: /^\/(?:[a-z]{2}\/)?artist\/(?:[^/]+\/)?(?:id)?(\d{3,15})\/?$/ },
  { provider: 'youtube_music', host: /^(?:music\.)?youtube\.com$/, path: /^\/channel\/(UC[0-9A-Za-z_-]{22})\/?$/ },
  { provider: 'tidal', host: /^(?:listen\.)?tidal\.com$/, path: /^\/(?:browse\/)?artist\/(\d{1,12})\/?$/ },
  { provider: 'musicbrainz', host: /^musicbrainz\.org$/, path: new RegExp(`^/artist/(${UUID})/?$`) },
]

/**
 * Reads a provider's artist URL or URI (open.spotify.com/artist/…, spotify:artist:…,
 * music.apple.com/…/artist/…/ID, music.youtube.com/channel/…, tidal.com/…/artist/…,
 * musicbrainz.org/artist/…). Returns undefined for anything else.
 */
export function parseProviderUrl(input: string): ProviderRef | undefined {
  const text = input.trim()
  const uri = /^spotify:artist:([0-9A-Za-z]{22})$/.exec(text)
  if (uri) return { provider: 'spotify', id: uri[1]! }
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`)
  } catch {
    return undefined
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '')
  for (const { provider, host: hostPattern, path } of patterns) {
    if (hostPattern && !hostPattern.test(host)) continue
    const match = path.exec(url.pathname)
    if (match) return { provider, id: provider === 'musicbrainz' ? match[1]!.toLowerCase() : match[1]! }
  }
  return undefined
}

export const looksLikeUrl = (input: string) => /^(spotify:|https?:\/\/|[a-z0-9.-]+\.[a-z]{2,}\/)/i.test(input.trim())

/** The public web page of an artist on a provider (used for export and badges). */
export function providerUrl(provider: Provider, id: string): string {
  switch (provider) {
    case 'spotify': return `https://open.spotify.com/artist/${id}`
    case 'apple_music': return `https://music.apple.com/artist/${id}`
    case 'youtube_music': return `https://music.youtube.com/channel/${id}`
    case 'tidal': return `https://tidal.com/browse/artist/${id}`
    case 'musicbrainz': return `https://musicbrainz.org/artist/${id}`
  }
}
