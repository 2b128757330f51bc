import { afterEach, describe, expect, it } from 'vitest'
import { startHttpStub, type HttpStub, type StubHandler } from '../../../test/support/http-stub.ts'
import { readPages } from './paging.ts'
import { RateLimitedError } from './provider-errors.ts'
import type { AccessTokenSource } from './provider.ts'
import { createSpotifyAdapter } from './spotify-adapter.ts'

const tokens: AccessTokenSource = { current: async () => 'token', afterRejected: async () => 'token' }

/** 120 saved tracks served 50 at a time; `fault(callNumber)` may answer instead. */
function savedTracks(fault: (call: number) => ReturnType<StubHandler> | undefined): StubHandler {
  let call = 0
  return (request) => {
    call += 1
    const injected = fault(call)
    if (injected) return injected
    const offset = Number(request.query.get('offset'))
    const limit = Number(request.query.get('limit'))
    const items = Array.from({ length: Math.max(0, Math.min(limit, 120 - offset)) }, (_, i) => ({
      added_at: '2026-01-01T00:00:00Z',
      track: { id: `t${offset + i}`, uri: `spotify:track:t${offset + i}`, name: `Track ${offset + i}`, artists: [{ id: 'a', name: 'A' }] },
    }))
    return { json: { items, limit, offset, total: 120, next: offset + limit < 120 ? 'more' : null } }
  }
}

describe('reading every page', () => {
  let stub: HttpStub | undefined
  afterEach(async () => {
    await stub?.close()
    stub = undefined
  })

  async function read(fault: (call: number) => ReturnType<StubHandler> | undefined) {
    stub = await startHttpStub({ 'GET /v1/me/tracks': savedTracks(fault) })
    const spotify = createSpotifyAdapter({ clientId: 'c', accountsUrl: stub.url, apiUrl: `${stub.url}/v1` })
    const waits: number[] = []
    const items: string[] = []
    for await (const page of readPages((cursor) => spotify.savedTracks(tokens, cursor), { sleep: async (ms) => void waits.push(ms) })) {
      items.push(...page.items.map((t) => t.id))
    }
    return { items, waits, calls: stub.calls('GET /v1/me/tracks') }
  }

  it('reads 120 tracks in the minimum of 3 calls', async () => {
    const { items, calls, waits } = await read(() => undefined)
    expect(items).toHaveLength(120)
    expect(new Set(items).size).toBe(120)
    expect(calls).toBe(3)
    expect(waits).toEqual([])
  })

  it('honours Retry-After on a 429 and a 503 costs one retry each: same items, pages + retries calls', async () => {
    const { items, calls, waits } = await read((call) =>
      call === 2 ? { status: 429, headers: { 'retry-after': '4' }, json: { error: { status: 429, message: 'rate limited' } } }
      : call === 4 ? { status: 503, json: { error: { status: 503, message: 'unavailable' } } }
      : undefined)
    expect(items).toHaveLength(120)
    expect(calls).toBe(3 + 2)
    expect(waits).toEqual([4000, 1000])
  })

  it('stops on QUOTA_EXCEEDED instead of waiting it out', async () => {
    await expect(read((call) => call === 2
      ? { status: 429, headers: { 'retry-after': '86400' }, json: { error: { status: 429, message: 'QUOTA_EXCEEDED' } } }
      : undefined)).rejects.toBeInstanceOf(RateLimitedError)
  })
})
