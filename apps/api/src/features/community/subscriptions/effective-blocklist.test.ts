import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts'
import { communitySubscriptionsService } from './service.ts'
import { insertArtists } from '../../../../test/support/catalog.ts'
import { publishedList, signIn, type Listener } from '../../../../test/support/community.ts'

let t: TestApp
let owner: Listener
let bob: Listener
let a: string, b: string, c: string, d: string, e: string
let producers: string
let labels: string
beforeAll(async () => {
  t = await createTestApp()
  ;[owner, bob] = [await signIn(t.app), await signIn(t.app)]
  ;[a, b, c, d, e] = (await insertArtists(t.db, 'alpha', 'Bravo', 'Charlie', 'Delta', 'Echo')) as [string, string, string, string, string]
  producers = await publishedList(owner, [b, c], { name: 'Producers' })
  labels = await publishedList(owner, [c, d], { name: 'Labels' })
  await owner.addItem(labels, e) // version 2 of Labels adds Echo
  await owner.publish(labels)
  // Bob: Alpha and Charlie personally; Producers on auto-update; Labels pinned to version 1.
  await bob.block(t.db, a)
  await bob.block(t.db, c)
  await bob.subscribe(producers, { mode: 'auto' })
  await bob.subscribe(labels, { mode: 'pinned', version: 1 })
  // Someone else's blocks never leak into Bob's list.
  await owner.block(t.db, e)
})
afterAll(() => t.close())

describe('GET /me/effective-blocklist', () => {
  it('is the union of the personal list and subscribed lists at their versions, one entry per artist, with sources', async () => {
    const response = await bob.effective()
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body).toMatchObject({ total: 4, limit: 25, offset: 0 })
    expect(body.items).toEqual([
      { artist: expect.objectContaining({ id: a, name: 'alpha' }), sources: [{ type: 'personal' }] },
      { artist: expect.objectContaining({ id: b }), sources: [{ type: 'list', listId: producers, listName: 'Producers', version: 1 }] },
      {
        artist: expect.objectContaining({ id: c }),
        sources: [
          { type: 'personal' },
          { type: 'list', listId: labels, listName: 'Labels', version: 1 },
          { type: 'list', listId: producers, listName: 'Producers', version: 1 },
        ],
      },
      { artist: expect.objectContaining({ id: d }), sources: [{ type: 'list', listId: labels, listName: 'Labels', version: 1 }] },
    ])
  })

  it('a pinned subscription contributes its pinned version, not a newer one', async () => {
    const ids = (await bob.effective()).json().items.map((i: { artist: { id: string } }) => i.artist.id)
    expect(ids).not.toContain(e)
  })

  it('an auto-update subscription contributes a new version only after it is accepted', async () => {
    await owner.removeItem(producers, b)
    await owner.publish(producers)
    const names = async () => (await bob.effective()).json().items.map((i: { artist: { name: string } }) => i.artist.name)
    expect(await names()).toContain('Bravo')
    await bob.accept(producers, 2)
    expect(await names()).toEqual(['alpha', 'Charlie', 'Delta'])
  })

  it('searches within the list and paginates with a total', async () => {
    expect((await bob.effective('?q=DEL')).json()).toMatchObject({ total: 1, items: [{ artist: { name: 'Delta' } }] })
    const page = (await bob.effective('?limit=1&offset=1')).json()
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1, items: [{ artist: { name: 'Charlie' } }] })
    expect((await bob.effective('?limit=1&offset=9')).json()).toMatchObject({ total: 3, items: [] })
  })

  it('filters by source: my own list, or one subscribed list, with the total of that source', async () => {
    const names = (body: { items: { artist: { name: string } }[] }) => body.items.map((i) => i.artist.name)
    const personal = (await bob.effective('?source=personal')).json()
    expect(personal.total).toBe(2)
    expect(personal.allTotal).toBe(3)
    expect(personal.bySource).toEqual([
      { source: { type: 'personal' }, count: 2 },
      { source: { type: 'list', listId: labels, listName: 'Labels', version: 1 }, count: 2 },
      { source: { type: 'list', listId: producers, listName: 'Producers', version: 2 }, count: 1 },
    ])
    expect(names(personal)).toEqual(['alpha', 'Charlie'])
    const fromLabels = (await bob.effective(`?source=${labels}`)).json()
    expect(fromLabels.total).toBe(2)
    expect(names(fromLabels)).toEqual(['Charlie', 'Delta'])
    expect((await bob.effective('?source=somewhere')).statusCode).toBe(400)
  })

  it('exports the whole effective list, or one source, as CSV or JSON with each artist once and its sources', async () => {
    const csv = await bob.call('GET', '/me/effective-blocklist/export?format=csv')
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="effective-list-\d{4}-\d{2}-\d{2}\.csv"/)
    const lines = csv.body.trim().split('\n')
    expect(lines[0]).toBe('name,url,sources')
    expect(lines).toHaveLength(4)
    expect(lines.find((line) => line.startsWith('Charlie'))).toContain('My list; Labels (v1); Producers (v2)')

    const json = (await bob.call('GET', `/me/effective-blocklist/export?format=json&source=${labels}`)).json()
    expect(json.total).toBe(2)
    expect(json.entries.map((e: { name: string }) => e.name)).toEqual(['Charlie', 'Delta'])
    expect((await bob.call('GET', '/me/effective-blocklist/export?format=xml')).statusCode).toBe(400)
  })

  it('is empty for a new user, and requires sign-in', async () => {
    expect((await (await signIn(t.app)).effective()).json()).toMatchObject({ items: [], total: 0 })
    expect((await t.app.inject({ url: '/api/v1/me/effective-blocklist' })).statusCode).toBe(401)
  })

  it('is two set-based queries (the page, the counts), however many lists are subscribed (no N+1)', async () => {
    // Count the statements the service sends through a kysely plugin on the same database.
    let statements = 0
    const counting = t.db.withPlugin({
      transformQuery: (args) => {
        statements++
        return args.node
      },
      transformResult: async (args) => args.result,
    })
    const carol = await signIn(t.app)
    for (let i = 0; i < 5; i++) await carol.subscribe(await publishedList(owner, [a, b, c, d], { name: `List ${i}` }))
    const result = await communitySubscriptionsService(counting, () => new Date()).effective(carol.id, {})
    expect(result.total).toBe(4)
    expect(result.items[0]!.sources).toHaveLength(5)
    expect(statements).toBe(2)
  })
})
