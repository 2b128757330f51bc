import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts'
import { insertArtists } from '../../../../test/support/catalog.ts'
import { auditActions, publishedList, signIn, type Listener } from '../../../../test/support/community.ts'

// A clock that moves forward on every reading, so "newest first" is deterministic.
let tick = 0
const clock = () => new Date(Date.UTC(2026, 0, 1) + tick++ * 1000)

let t: TestApp
let owner: Listener
let bob: Listener
let listId: string
let published: string, draftOnly: string, removedFromDraft: string, elsewhere: string
beforeAll(async () => {
  t = await createTestApp({ clock })
  ;[owner, bob] = [await signIn(t.app), await signIn(t.app)]
  ;[published, draftOnly, removedFromDraft, elsewhere] = (await insertArtists(t.db, 'Published', 'Draft Only', 'Removed', 'Elsewhere')) as [string, string, string, string]
  listId = await publishedList(owner, [published, removedFromDraft], { name: 'Reported list' })
  await owner.addItem(listId, draftOnly)
  await owner.removeItem(listId, removedFromDraft)
})
afterAll(() => t.close())

describe('reporting a list item', () => {
  it('stores the report for moderation (201) and audits it', async () => {
    const response = await bob.report(listId, published, { reason: 'no_evidence', details: ' No source given ' })
    expect(response.statusCode).toBe(201)
    const report = response.json()
    expect(report).toMatchObject({ id: expect.any(String), listId, listName: 'Reported list', artist: { id: published }, reason: 'no_evidence', details: 'No source given', status: 'open' })
    const row = await t.db.selectFrom('community_list_reports').selectAll().where('id', '=', report.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ reporter_id: bob.id, list_id: listId, artist_id: published, status: 'open' })
    expect(await auditActions(t.db, report.id)).toEqual(['community_list.item_reported'])
  })

  it('an item removed from the draft but still in the current version can be reported', async () => {
    expect((await bob.report(listId, removedFromDraft)).statusCode).toBe(201)
  })

  it('others cannot report what is only on the draft (404, the draft stays unseen); the owner can', async () => {
    expect((await bob.report(listId, draftOnly)).statusCode).toBe(404)
    expect((await owner.report(listId, draftOnly)).statusCode).toBe(201)
  })

  it('an artist not on the list answers 404', async () => {
    expect((await bob.report(listId, elsewhere)).statusCode).toBe(404)
  })

  it.each([
    [{ reason: 'spam' }, 'reason', 'anyOf'],
    [{ details: 'x' }, 'reason', 'required'],
    [{ reason: 'inaccurate', details: 'x'.repeat(2001) }, 'details', 'max-length'],
    [{ reason: 'other' }, 'details', 'required'],
    [{ reason: 'other', details: '  ' }, 'details', 'required'],
  ])('refuses %j with 400 on the field', async (body, field, code) => {
    const response = await bob.report(listId, published, body)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]))
  })

  it('accepts a reason without details', async () => {
    expect((await bob.report(listId, published, { reason: 'duplicate' })).json().details).toBe('')
  })
})

describe('reading my reports', () => {
  it('GET /me/reports lists only the caller’s reports, newest first, paginated', async () => {
    const response = await bob.call('GET', '/me/reports?limit=2')
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body).toMatchObject({ total: 3, limit: 2 })
    expect(body.items.map((r: { reason: string }) => r.reason)).toEqual(['duplicate', 'inaccurate'])
    expect((await owner.call('GET', '/me/reports')).json().total).toBe(1)
  })

  it('GET /me/reports/:id returns the caller’s own report; anyone else gets 404', async () => {
    const id = (await bob.call('GET', '/me/reports')).json().items[0].id
    expect((await bob.call('GET', `/me/reports/${id}`)).json()).toMatchObject({ id, reason: 'duplicate' })
    expect((await owner.call('GET', `/me/reports/${id}`)).statusCode).toBe(404)
    expect((await bob.call('GET', '/me/reports/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
  })
})
