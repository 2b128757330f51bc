import { describe, expect, it } from 'vitest'
import { initials, providerLinks } from './artist-display.ts'

describe('providerLinks', () => {
  it('lists only the services the artist has an id on, in a fixed order, with their public pages', () => {
    const links = providerLinks({ musicbrainz: '164f0d73-1234-4e2c-8743-d77bf2191051', spotify: '3TVXtAsR1Inumwj472S9r4' })

    expect(links).toEqual([
      { provider: 'spotify', label: 'Spotify', url: 'https://open.spotify.com/artist/3TVXtAsR1Inumwj472S9r4' },
      { provider: 'musicbrainz', label: 'MusicBrainz', url: 'https://musicbrainz.org/artist/164f0d73-1234-4e2c-8743-d77bf2191051' },
    ])
  })
})

describe('initials', () => {
  it.each([
    ['Kanye West', 'KW'],
    ['Drake', 'DR'],
    ['Earth, Wind & Fire', 'EF'],
    ['  ', '?'],
    ['Øystein Sevåg', 'ØS'],
  ])('%s → %s', (name, expected) => {
    expect(initials(name)).toBe(expected)
  })
})
