import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InjectOptions } from 'fastify'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { insertArtists } from '../../../test/support/catalog.ts'
import { publishedList, signIn, type Listener } from '../../../test/support/community.ts'

// Counts provider look-ups: a refused request must not make the catalog fetch anything.
let fetches = 0
const providers = { spotify: { fetchArtist: async () => (fetches++, undefined) } }

let t: TestApp
let alice: Listener
let bob: Listener
let artist: string
let other: string
const lists = {} as Record<'private' | 'public' | 'unlisted', string>
let aliceReport: string
beforeAll(async () => {
  t = await createTestApp({ providers })
  ;[alice, bob] = [await signIn(t.app), await signIn(t.app)]
  ;[artist, other] = (await insertArtists(t.db, 'Listed', 'Other')) as [string, string]
  for (const visibility of ['private', 'public', 'unlisted'] as const) {
    lists[visibility] = await publishedList(alice, [artist], { name: `Alice ${visibility}`, visibility })
  }
  aliceReport = (await alice.report(lists.public, artist)).json().id
})
afterAll(() => t.close())

type Call = [method: InjectOptions['method'], path: (id: string) => string, body?: object]
const reads: Record<string, Call> = {
  'read the list': ['GET', (id) => `/community-lists/${id}`],
  'read its items': ['GET', (id) => `/community-lists/${id}/items`],
  'read its versions': ['GET', (id) => `/community-lists/${id}/versions`],
  'read a version': ['GET', (id) => `/community-lists/${id}/versions/1`],
  'read a diff': ['GET', (id) => `/community-lists/${id}/versions/1/diff`],
  'preview it': ['GET', (id) => `/community-lists/${id}/preview`],
}
const edits: Record<string, Call> = {
  'edit it': ['PATCH', (id) => `/community-lists/${id}`, { name: 'Taken over' }],
  'add an item': ['POST', (id) => `/community-lists/${id}/items`, { artistId: 'OTHER', rationale: 'r' }],
  'add an item by URL': ['POST', (id) => `/community-lists/${id}/items`, { url: 'spotify:artist:0000000000000000000NEW', rationale: 'r' }],
  'edit an item': ['PATCH', (id) => `/community-lists/${id}/items/ARTIST`, { rationale: 'changed' }],
  'remove an item': ['DELETE', (id) => `/community-lists/${id}/items/ARTIST`],
  'publish it': ['POST', (id) => `/community-lists/${id}/publish`, {}],
}
const subscriberActions: Record<string, Call> = {
  'subscribe to it': ['PUT', (id) => `/community-lists/${id}/subscription`, { mode: 'auto' }],
  'accept a version': ['POST', (id) => `/community-lists/${id}/subscription/accept`, { version: 1 }],
  'report an item': ['POST', (id) => `/community-lists/${id}/items/ARTIST/reports`, { reason: 'inaccurate' }],
}

const run = (user: Listener, [method, path, body]: Call, id: string) => {
  const fill = (text: string) => text.replace('ARTIST', artist).replace('OTHER', other)
  return user.call(method, fill(path(id)), body ? JSON.parse(fill(JSON.stringify(body))) : undefined)
}

describe("user B and user A's private list: everything is 404", () => {
  it.each(Object.entries({ ...reads, ...edits, ...subscriberActions }))('B cannot %s', async (_name, call) => {
    const response = await run(bob, call, lists.private)
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('NOT_FOUND')
  })

  it('B cannot find it by browsing or searching', async () => {
    const found = (await bob.call('GET', '/community-lists?q=alice&limit=100')).json().items.map((l: { id: string }) => l.id)
    expect(found).toContain(lists.public)
    expect(found).not.toContain(lists.private)
    expect(found).not.toContain(lists.unlisted)
  })

  it('the owner can do all of it', async () => {
    for (const call of Object.values(reads)) expect((await run(alice, call, lists.private)).statusCode).toBe(200)
  })
})

describe("user B and user A's public and unlisted lists: reads allowed, edits 403", () => {
  it.each(Object.entries(reads))('B can %s of the public and the unlisted list', async (_name, call) => {
    expect((await run(bob, call, lists.public)).statusCode).toBe(200)
    expect((await run(bob, call, lists.unlisted)).statusCode).toBe(200)
  })

  it.each(Object.entries(edits))('B cannot %s (403 FORBIDDEN)', async (_name, call) => {
    for (const id of [lists.public, lists.unlisted]) {
      const response = await run(bob, call, id)
      expect(response.statusCode).toBe(403)
      expect(response.json().error.code).toBe('FORBIDDEN')
    }
  })

  it('refused edits changed nothing, audited nothing and fetched nothing from a provider', async () => {
    expect(fetches).toBe(0)
    const audited = await t.db.selectFrom('audit_log').select('action').where('actor_id', '=', bob.id).where('action', 'like', 'community_list.%').execute()
    expect(audited).toEqual([])
    expect((await alice.getList(lists.public)).json()).toMatchObject({ name: 'Alice public', currentVersion: 1, draft: { hasUnpublishedChanges: false } })
  })

  it('B can subscribe to and report on the public list', async () => {
    expect((await bob.subscribe(lists.public)).statusCode).toBe(201)
    expect((await bob.report(lists.public, artist)).statusCode).toBe(201)
  })
})

describe("user B and user A's own data", () => {
  it("B gets 404 for A's report and never sees it listed", async () => {
    expect((await bob.call('GET', `/me/reports/${aliceReport}`)).statusCode).toBe(404)
    const mine = (await bob.call('GET', '/me/reports')).json().items.map((r: { id: string }) => r.id)
    expect(mine).not.toContain(aliceReport)
  })

  it("B's subscriptions and effective blocklist hold only B's data", async () => {
    await alice.block(t.db, other)
    await alice.subscribe(lists.unlisted)
    const subs = (await bob.call('GET', '/me/subscriptions')).json().items.map((s: { listId: string }) => s.listId)
    expect(subs).toEqual([lists.public])
    const effective = (await bob.effective()).json().items.map((e: { artist: { id: string } }) => e.artist.id)
    expect(effective).toEqual([artist])
  })

  it("B cannot unsubscribe A (DELETE acts on B's own subscription only)", async () => {
    expect((await bob.unsubscribe(lists.unlisted)).statusCode).toBe(404)
    expect((await alice.call('GET', '/me/subscriptions')).json().total).toBe(1)
  })
})

describe('signed out', () => {
  it.each([
    ['GET', '/api/v1/community-lists'],
    ['POST', '/api/v1/community-lists'],
    ['GET', '/api/v1/me/effective-blocklist'],
    ['GET', '/api/v1/me/subscriptions'],
    ['GET', '/api/v1/me/reports'],
  ] as const)('%s %s is 401', async (method, url) => {
    expect((await t.app.inject({ method, url })).statusCode).toBe(401)
  })
})
