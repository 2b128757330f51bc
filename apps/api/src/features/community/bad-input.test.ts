import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InjectOptions } from 'fastify'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { insertArtists } from '../../../test/support/catalog.ts'
import { publishedList, signIn, type Listener } from '../../../test/support/community.ts'

// Whatever a client sends, the answer is a 4xx in the one error shape: never a 500.
let t: TestApp
let owner: Listener
let id: string
let artist: string
beforeAll(async () => {
  t = await createTestApp()
  owner = await signIn(t.app)
  ;[artist] = (await insertArtists(t.db, 'Listed')) as [string]
  id = await publishedList(owner, [artist])
  await owner.subscribe(id)
})
afterAll(() => t.close())

const nul = 'a\u0000b'
const huge = 99_999_999_999

describe('bad input answers 400 with the field, never 500', () => {
  // Paths and bodies are functions: the list and artist exist only once beforeAll has run.
  const cases: [string, InjectOptions['method'], () => string, (() => object) | undefined, string][] = [
    ['a NUL character in a name', 'POST', () => '/community-lists', () => ({ name: nul, criteria: 'c' }), 'name'],
    ['a NUL character in criteria', 'PATCH', () => `/community-lists/${id}`, () => ({ criteria: nul }), 'criteria'],
    ['a NUL character in a rationale', 'POST', () => `/community-lists/${id}/items`, () => ({ artistId: artist, rationale: nul }), 'rationale'],
    ['a NUL character in a changelog', 'POST', () => `/community-lists/${id}/publish`, () => ({ changelog: nul }), 'changelog'],
    ['a NUL character in report details', 'POST', () => `/community-lists/${id}/items/${artist}/reports`, () => ({ reason: 'other', details: nul }), 'details'],
    ['a NUL character in a search', 'GET', () => '/community-lists?q=%00', undefined, 'q'],
    ['a NUL character in an effective-list search', 'GET', () => '/me/effective-blocklist?q=%00', undefined, 'q'],
    ['a version beyond any integer column', 'POST', () => `/community-lists/${id}/subscription/accept`, () => ({ version: huge }), 'version'],
    ['a pinned version beyond any integer column', 'PUT', () => `/community-lists/${id}/subscription`, () => ({ mode: 'pinned', version: huge }), 'version'],
    ['a version path segment beyond range', 'GET', () => `/community-lists/${id}/versions/${huge}`, undefined, 'version'],
    ['a diff base that is not a number', 'GET', () => `/community-lists/${id}/versions/1/diff?from=abc`, undefined, 'from'],
    ['a malformed artist id', 'DELETE', () => `/community-lists/${id}/items/nope`, undefined, 'artistId'],
    ['a malformed report id', 'GET', () => '/me/reports/nope', undefined, 'id'],
    ['a string where a number belongs', 'GET', () => '/community-lists?offset=x', undefined, 'offset'],
    ['a rationale that is an object', 'POST', () => `/community-lists/${id}/items`, () => ({ artistId: artist, rationale: { text: 'r' } }), 'rationale'],
  ]

  it.each(cases)('%s', async (_name, method, path, body, field) => {
    const response = await owner.call(method, path(), body?.())
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toEqual([field])
  })

  it('malformed JSON is 400 BAD_REQUEST', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/community-lists',
      headers: { ...owner.headers, 'content-type': 'application/json' },
      payload: '{"name":',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('BAD_REQUEST')
  })

  it('LIKE wildcards in a search are taken literally', async () => {
    const response = await owner.call('GET', `/community-lists?q=${encodeURIComponent('%_\\')}`)
    expect(response.statusCode).toBe(200)
    expect(response.json().total).toBe(0)
  })
})
