import { describe, expect, it } from 'vitest'
import { PROVIDER_CAPABILITY_MATRIX, STREAMING_SERVICES, providerCapabilities } from './provider-capabilities.ts'

describe('provider capability matrix', () => {
  it('describes every streaming service once, each with a note the Connections page can show', () => {
    expect(PROVIDER_CAPABILITY_MATRIX.map((e) => e.service)).toEqual([...STREAMING_SERVICES])
    for (const entry of PROVIDER_CAPABILITY_MATRIX) expect(entry.notes.length).toBeGreaterThan(0)
  })

  it('only offers enforcement the provider\'s API allows: Apple Music rates, Deezer cannot connect', () => {
    expect(providerCapabilities('apple_music').capabilities).toMatchObject({ canRemoveSavedTracks: false, canRemovePlaylistItems: false, canRateDislike: true })
    expect(providerCapabilities('deezer').capabilities.canConnect).toBe(false)
    expect(PROVIDER_CAPABILITY_MATRIX.filter((e) => e.supported).map((e) => e.service)).toEqual(['spotify'])
  })
})
