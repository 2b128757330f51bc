import { describe, expect, it } from 'vitest'
import { accessTokens } from './tokens.ts'

const USER = '6f1c2a8e-1b7d-4c1e-9a35-2f3d4e5a6b7c'

describe('access tokens', () => {
  it('a token verified once still expires on time, and a forged one never passes', async () => {
    let now = new Date('2026-01-01T00:00:00Z')
    const tokens = accessTokens('a-secret-that-is-long-enough-for-hs256-signing', 900, () => now)
    const token = await tokens.sign(USER)
    const [header, payload] = token.split('.')

    expect(await tokens.verify(token)).toBe(USER)
    expect(await tokens.verify(token)).toBe(USER)
    expect(await tokens.verify(`${header}.${payload}.forged-signature`)).toBeUndefined()
    now = new Date(now.getTime() + 899_000)
    expect(await tokens.verify(token)).toBe(USER)
    now = new Date(now.getTime() + 1_000)
    expect(await tokens.verify(token)).toBeUndefined()
  })

  it('another key does not accept the token', async () => {
    const clock = () => new Date()
    const token = await accessTokens('a-secret-that-is-long-enough-for-hs256-signing', 900, clock).sign(USER)
    expect(await accessTokens('another-secret-that-is-long-enough-for-hs256', 900, clock).verify(token)).toBeUndefined()
  })
})
