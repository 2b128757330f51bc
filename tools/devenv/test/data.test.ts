import { describe, expect, it } from 'vitest'
import { loadSeedData, validateSeedData, type SeedData } from '../src/seed/data.ts'

const data = loadSeedData()

describe('the seed data (tools/devenv/data)', () => {
  it('is valid: well-formed provider IDs, no duplicate names or IDs, every reference resolves', () => {
    expect(validateSeedData(data)).toEqual([])
  })

  it('holds a few hundred real artists, most with their public provider IDs', () => {
    expect(data.artists.length).toBeGreaterThanOrEqual(300)
    expect(data.artists.filter((a) => a.spotifyId).length).toBeGreaterThanOrEqual(300)
    expect(data.artists.filter((a) => a.musicbrainzId).length).toBeGreaterThanOrEqual(100)
    expect(data.artists.find((a) => a.name === 'Drake')).toMatchObject({ spotifyId: '3TVXtAsR1Inumwj472S9r4', musicbrainzId: '9fff2f8a-21e6-47de-a2b8-7f449929d43f' })
  })

  it('has a documented password that satisfies the API password policy', async () => {
    const { failedPasswordRules } = await import('@ndith/contracts')
    for (const user of data.fixtures.users) expect(failedPasswordRules(data.fixtures.password, { email: user.email }), user.email).toEqual([])
  })

  it('reports malformed IDs, duplicates and dangling references', () => {
    const broken: SeedData = structuredClone(data)
    broken.artists.push({ ...broken.artists[0]!, name: 'Copy', spotifyId: 'not-an-id', musicbrainzId: broken.artists[0]!.musicbrainzId })
    broken.fixtures.blocks.push({ user: 'nobody@example.com', artist: 'Nobody', tags: [], note: null })
    const problems = validateSeedData(broken).join('\n')
    expect(problems).toContain('Copy: spotifyId "not-an-id" is not 22 base62 characters')
    expect(problems).toContain(`musicbrainzId ${data.artists[0]!.musicbrainzId} is used twice`)
    expect(problems).toContain('unknown user nobody@example.com')
    expect(problems).toContain('unknown artist "Nobody"')
  })
})
