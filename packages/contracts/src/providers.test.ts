import { describe, expect, it } from 'vitest'
import { parseProviderUrl } from './providers.ts'

describe('parseProviderUrl', () => {
  it.each([
    ['https://open.spotify.com/artist/3TVXtAsR1Inumwj472S9r4?si=abc', 'spotify', '3TVXtAsR1Inumwj472S9r4'],
    ['https://open.spotify.com/intl-de/artist/3TVXtAsR1Inumwj472S9r4', 'spotify', '3TVXtAsR1Inumwj472S9r4'],
    ['spotify:artist:3TVXtAsR1Inumwj472S9r4', 'spotify', '3TVXtAsR1Inumwj472S9r4'],
    ['open.spotify.com/artist/3TVXtAsR1Inumwj472S9r4', 'spotify', '3TVXtAsR1Inumwj472S9r4'],
    ['https://music.apple.com/us/artist/drake/271256', 'apple_music', '271256'],
    ['https://music.apple.com/artist/271256', 'apple_music', '271256'],
    ['https://music.youtube.com/channel/UCByOQJjav0CUDwxCk-jVNRQ', 'youtube_music', 'UCByOQJjav0CUDwxCk-jVNRQ'],
    ['https://tidal.com/browse/artist/3594940', 'tidal', '3594940'],
    ['https://listen.tidal.com/artist/3594940', 'tidal', '3594940'],
    ['https://musicbrainz.org/artist/9FFF2F75-2A83-4C2B-8B2C-2C3B1E1F0C1D', 'musicbrainz', '9fff2f75-2a83-4c2b-8b2c-2c3b1e1f0c1d'],
  ])('reads %s', (input, provider, id) => {
    expect(parseProviderUrl(input)).toEqual({ provider, id })
  })

  it.each([
    'https://open.spotify.com/album/3TVXtAsR1Inumwj472S9r4',
    'https://open.spotify.com/artist/short',
    'https://evil.example/artist/3TVXtAsR1Inumwj472S9r4',
    'Drake',
    '',
  ])('refuses %s', (input) => {
    expect(parseProviderUrl(input)).toBeUndefined()
  })
})

describe('providerUrl', () => {
  it('builds links that parse back to the same provider id', async () => {
    const { PROVIDERS, providerUrl } = await import('./providers.ts')
    const ids = { spotify: '3TVXtAsR1Inumwj472S9r4', apple_music: '271256', youtube_music: 'UCByOQJjav0CUDwxCk-jVNRQ', tidal: '3594940', musicbrainz: '9fff2f75-2a83-4c2b-8b2c-2c3b1e1f0c1d' }
    for (const provider of PROVIDERS) expect(parseProviderUrl(providerUrl(provider, ids[provider]))).toEqual({ provider, id: ids[provider] })
  })
})
