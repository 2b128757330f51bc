import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts'
import { insertArtists } from '../../../../test/support/catalog.ts'
import { publishedList, signIn, type Listener } from '../../../../test/support/community.ts'

let t: TestApp
let owner: Listener
let viewer: Listener
beforeAll(async () => {
  t = await createTestApp()
  ;[owner, viewer] = [await signIn(t.app), await signIn(t.app)]
  const [a, b] = await insertArtists(t.db, 'A', 'B')
  const popular = await publishedList(owner, [a!], { name: 'Problematic producers', description: 'Credible allegations, or a pending lawsuit' })
  await publishedList(owner, [b!], { name: 'Producers with lawsuits', criteria: 'A court filing is the evidence' })
  await publishedList(owner, [a!], { name: 'Hidden by link', visibility: 'unlisted' })
  await publishedList(owner, [a!], { name: 'Secret producers', visibility: 'private' })
  await owner.createList({ name: 'Unpublished producers' })
  await viewer.subscribe(popular)
  await viewer.createList({ name: 'My private draft', visibility: 'private' })
})
afterAll(() => t.close())

describe('browse and search', () => {
  const names = (response: { json: () => { items: { name: string }[] } }) => response.json().items.map((l) => l.name)

  it('shows published public lists plus the caller’s own of any visibility, most subscribed first', async () => {
    const response = await viewer.call('GET', '/community-lists')
    expect(response.statusCode).toBe(200)
    expect(names(response)).toEqual(['Problematic producers', 'My private draft', 'Producers with lawsuits'])
    expect(response.json().total).toBe(3)
  })

  it('the owner sees all of their lists; mine=true keeps only them', async () => {
    const all = names(await owner.call('GET', '/community-lists?mine=true'))
    expect(all.sort()).toEqual(['Hidden by link', 'Problematic producers', 'Producers with lawsuits', 'Secret producers', 'Unpublished producers'])
    expect(names(await viewer.call('GET', '/community-lists?mine=true'))).toEqual(['My private draft'])
  })

  it('search is typo-tolerant and ranked by name similarity', async () => {
    const response = await viewer.call('GET', `/community-lists?q=${encodeURIComponent('problematc producer')}`)
    expect(names(response)[0]).toBe('Problematic producers')
    // A name match ranks above a match in the description.
    expect(names(await viewer.call('GET', '/community-lists?q=lawsuit'))).toEqual(['Producers with lawsuits', 'Problematic producers'])
  })

  it('search finds words in the description and the criteria too', async () => {
    expect(names(await viewer.call('GET', '/community-lists?q=allegations'))).toEqual(['Problematic producers'])
    expect(names(await viewer.call('GET', '/community-lists?q=COURT%20filing'))).toEqual(['Producers with lawsuits'])
  })

  it('search never returns other people’s private or unlisted lists', async () => {
    expect(names(await viewer.call('GET', '/community-lists?q=secret'))).toEqual([])
    expect(names(await viewer.call('GET', '/community-lists?q=hidden'))).toEqual([])
    expect(names(await owner.call('GET', '/community-lists?q=secret'))).toEqual(['Secret producers'])
  })

  it('paginates with a total', async () => {
    const first = (await viewer.call('GET', '/community-lists?limit=2')).json()
    expect(first).toMatchObject({ total: 3, limit: 2, offset: 0 })
    expect(first.items).toHaveLength(2)
    const rest = (await viewer.call('GET', '/community-lists?limit=2&offset=2')).json()
    expect(rest.items).toHaveLength(1)
    // Past the last page: no items, and still the real total (so the client can step back).
    expect((await viewer.call('GET', '/community-lists?limit=2&offset=10')).json()).toMatchObject({ items: [], total: 3, offset: 10 })
    expect((await viewer.call('GET', '/community-lists?limit=0')).statusCode).toBe(400)
  })
})
