import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts'
import { insertArtists } from '../../../../test/support/catalog.ts'
import { auditActions, auditListNames, publishedList, signIn, type Listener } from '../../../../test/support/community.ts'

let t: TestApp
let owner: Listener
let a: string, b: string, c: string
beforeAll(async () => {
  t = await createTestApp()
  owner = await signIn(t.app)
  ;[a, b, c] = (await insertArtists(t.db, 'Alpha', 'Bravo', 'Charlie')) as [string, string, string]
})
afterAll(() => t.close())

const effectiveIds = async (user: Listener) => ((await user.effective()).json().items as { artist: { id: string } }[]).map((e) => e.artist.id).sort()
const mySubscription = async (user: Listener, listId: string) =>
  ((await user.call('GET', '/me/subscriptions')).json().items as { listId: string }[]).find((s) => s.listId === listId)

describe('subscribing', () => {
  it('an unpublished list cannot be subscribed to (409)', async () => {
    const id = (await owner.createList()).json().id
    const response = await (await signIn(t.app)).subscribe(id)
    expect(response.statusCode).toBe(409)
    expect(response.json().error.message).toBe('This list has not published a version yet')
  })

  it('auto-update starts at the current version (201); repeating it changes nothing (200); audited once', async () => {
    const id = await publishedList(owner, [a])
    const bob = await signIn(t.app)
    const created = await bob.subscribe(id, { mode: 'auto' })
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ listId: id, mode: 'auto', pinnedVersion: null, acceptedVersion: 1, effectiveVersion: 1, latestVersion: 1, pendingUpdate: false })
    expect((await bob.subscribe(id, { mode: 'auto' })).statusCode).toBe(200)
    expect((await auditActions(t.db, id)).filter((action) => action.startsWith('subscription.'))).toEqual(['subscription.created'])
  })

  it('pinned defaults to the current version, or pins the version asked for', async () => {
    const id = await publishedList(owner, [a])
    await owner.addItem(id, b)
    await owner.publish(id)
    const bob = await signIn(t.app)
    expect((await bob.subscribe(id, { mode: 'pinned' })).json()).toMatchObject({ mode: 'pinned', pinnedVersion: 2, effectiveVersion: 2 })
    const repinned = await bob.subscribe(id, { mode: 'pinned', version: 1 })
    expect(repinned.statusCode).toBe(200)
    expect(repinned.json()).toMatchObject({ pinnedVersion: 1, effectiveVersion: 1, latestVersion: 2, pendingUpdate: false })
    expect(await auditActions(t.db, id)).toContain('subscription.updated')
  })

  it.each([
    [{ mode: 'pinned', version: 7 }, 'version', 'unknown-version'],
    [{ mode: 'auto', version: 1 }, 'version', 'not-allowed'],
    [{ mode: 'sometimes' }, 'mode', 'anyOf'],
    [{}, 'mode', 'required'],
  ])('refuses %j with 400 on the field', async (body, field, code) => {
    const id = await publishedList(owner, [a])
    const response = await (await signIn(t.app)).subscribe(id, body)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]))
  })

  it('unsubscribing removes the list from the effective blocklist (204), then answers 404; audited', async () => {
    const id = await publishedList(owner, [a])
    const bob = await signIn(t.app)
    await bob.subscribe(id)
    expect(await effectiveIds(bob)).toEqual([a])
    expect((await bob.unsubscribe(id)).statusCode).toBe(204)
    expect(await effectiveIds(bob)).toEqual([])
    expect((await bob.unsubscribe(id)).statusCode).toBe(404)
    expect(await auditActions(t.db, id)).toContain('subscription.removed')
  })

  it('every audit row of a list names the list, from creation to unsubscribing', async () => {
    const id = await publishedList(owner, [a], { name: 'Named in the log' })
    const bob = await signIn(t.app)
    await bob.subscribe(id, { mode: 'pinned', version: 1 })
    await bob.subscribe(id, { mode: 'auto' })
    await bob.unsubscribe(id)

    const rows = await auditListNames(t.db, id)
    expect(rows.map(([action]) => action)).toEqual([
      'community_list.created',
      'community_list.item_added',
      'community_list.published',
      'subscription.created',
      'subscription.updated',
      'subscription.removed',
    ])
    expect(new Set(rows.map(([, name]) => name))).toEqual(new Set(['Named in the log']))
  })
})

describe('auto-update: a new version counts only once accepted', () => {
  let id: string
  let bob: Listener
  beforeAll(async () => {
    id = await publishedList(owner, [a])
    bob = await signIn(t.app)
    await bob.subscribe(id, { mode: 'auto' })
    await owner.addItem(id, b)
    await owner.publish(id)
  })

  it('publishing does not change the subscriber’s effective blocklist', async () => {
    expect(await effectiveIds(bob)).toEqual([a])
  })

  it('GET /me/subscriptions shows the pending update', async () => {
    expect(await mySubscription(bob, id)).toMatchObject({ mode: 'auto', acceptedVersion: 1, effectiveVersion: 1, latestVersion: 2, pendingUpdate: true })
    expect((await bob.getList(id)).json().mySubscription).toMatchObject({ pendingUpdate: true })
  })

  it('the subscriber sees the new version’s diff, then accepts it; it counts from then on; audited', async () => {
    const diff = (await bob.diff(id, 2)).json()
    expect(diff.added.map((i: { artist: { id: string } }) => i.artist.id)).toEqual([b])
    const accepted = await bob.accept(id, 2)
    expect(accepted.statusCode).toBe(200)
    expect(accepted.json()).toMatchObject({ acceptedVersion: 2, effectiveVersion: 2, pendingUpdate: false })
    expect(await effectiveIds(bob)).toEqual([a, b].sort())
    expect(await auditActions(t.db, id)).toContain('subscription.accepted')
  })

  it('accepting an older version is 409, a missing one 400, accepting the same again is a no-op', async () => {
    expect((await bob.accept(id, 1)).statusCode).toBe(409)
    expect((await bob.accept(id, 5)).json().error.fields).toEqual([expect.objectContaining({ field: 'version' })])
    expect((await bob.accept(id, 2)).statusCode).toBe(200)
  })

  it('asking for auto-update again does not skip an unseen version', async () => {
    await owner.addItem(id, c)
    await owner.publish(id)
    expect((await bob.subscribe(id, { mode: 'auto' })).json()).toMatchObject({ acceptedVersion: 2, pendingUpdate: true })
    expect(await effectiveIds(bob)).toEqual([a, b].sort())
  })

  it('a pinned subscription has nothing to accept (409) and never follows new versions', async () => {
    const carol = await signIn(t.app)
    await carol.subscribe(id, { mode: 'pinned', version: 1 })
    expect((await carol.accept(id, 3)).statusCode).toBe(409)
    expect(await mySubscription(carol, id)).toMatchObject({ mode: 'pinned', effectiveVersion: 1, latestVersion: 3, pendingUpdate: false })
    expect(await effectiveIds(carol)).toEqual([a])
  })

  it('accepting without a subscription is 404', async () => {
    expect((await (await signIn(t.app)).accept(id, 3)).statusCode).toBe(404)
  })
})

describe('GET /me/subscriptions', () => {
  it('lists only the caller’s own subscriptions, by list name, paginated', async () => {
    const first = await publishedList(owner, [a], { name: 'Zulu list' })
    const second = await publishedList(owner, [b], { name: 'Alpha list' })
    const bob = await signIn(t.app)
    const carol = await signIn(t.app)
    await bob.subscribe(first)
    await bob.subscribe(second, { mode: 'pinned' })
    await carol.subscribe(first)
    const response = await bob.call('GET', '/me/subscriptions?limit=1')
    expect(response.json()).toMatchObject({ total: 2, limit: 1, items: [{ listName: 'Alpha list', mode: 'pinned' }] })
  })

  it('a list made private later keeps counting at its version but reveals nothing newer; unsubscribing still works', async () => {
    const id = await publishedList(owner, [a])
    const bob = await signIn(t.app)
    await bob.subscribe(id)
    await owner.updateList(id, { visibility: 'private' })
    await owner.addItem(id, b)
    await owner.publish(id)
    expect(await mySubscription(bob, id)).toMatchObject({ latestVersion: 1, pendingUpdate: false })
    expect(await effectiveIds(bob)).toEqual([a])
    expect((await bob.accept(id, 2)).statusCode).toBe(404)
    expect((await bob.unsubscribe(id)).statusCode).toBe(204)
  })
})

describe('preview before subscribing', () => {
  it('shows what the current version would add and how much is already covered', async () => {
    const other = await publishedList(owner, [b])
    const id = await publishedList(owner, [a, b, c])
    const bob = await signIn(t.app)
    await bob.block(t.db, a) // personal
    await bob.subscribe(other) // covers b
    const response = await bob.preview(id)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ listId: id, version: 1, itemCount: 3, addedCount: 1, alreadyCoveredCount: 2, total: 1 })
    expect(response.json().items.map((i: { artist: { id: string }; rationale: string }) => [i.artist.id, i.rationale])).toEqual([[c, 'Documented']])
  })

  it('with nothing blocked yet, everything is added, paginated', async () => {
    const id = await publishedList(owner, [a, b, c])
    const bob = await signIn(t.app)
    const preview = (await bob.call('GET', `/community-lists/${id}/preview?limit=2`)).json()
    expect(preview).toMatchObject({ addedCount: 3, alreadyCoveredCount: 0, total: 3 })
    expect(preview.items).toHaveLength(2)
  })

  it('an unpublished list has nothing to preview (409)', async () => {
    const id = (await owner.createList()).json().id
    expect((await (await signIn(t.app)).preview(id)).statusCode).toBe(409)
  })
})
