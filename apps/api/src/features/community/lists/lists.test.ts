import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts'
import { insertArtists } from '../../../../test/support/catalog.ts'
import { auditActions, publishedList, signIn, type Listener } from '../../../../test/support/community.ts'

let t: TestApp
let alice: Listener
let bob: Listener
let artists: string[]
beforeAll(async () => {
  t = await createTestApp()
  ;[alice, bob] = [await signIn(t.app), await signIn(t.app)]
  artists = await insertArtists(t.db, 'Artist One', 'Artist Two')
})
afterAll(() => t.close())

describe('community lists', () => {
  it('create: the caller owns the new list; defaults are ad hoc and public; audited', async () => {
    const response = await alice.createList({ name: '  Label rosters  ', description: 'Who signs whom', criteria: 'Signed to the label' })
    expect(response.statusCode).toBe(201)
    const list = response.json()
    expect(list).toMatchObject({
      name: 'Label rosters',
      description: 'Who signs whom',
      criteria: 'Signed to the label',
      updateCadence: 'ad_hoc',
      visibility: 'public',
      owner: { id: alice.id, displayName: expect.stringMatching(/^Listener [0-9a-f]{6}$/) },
      currentVersion: null,
      itemCount: 0,
      subscriberCount: 0,
      isOwner: true,
      mySubscription: null,
      draft: { itemCount: 0, hasUnpublishedChanges: false },
    })
    expect(await auditActions(t.db, list.id)).toEqual(['community_list.created'])
  })

  it('never exposes the owner email', async () => {
    const id = (await alice.createList()).json().id
    const body = (await bob.getList(id)).body
    expect(body).not.toContain('@example.com')
  })

  it.each([
    [{ criteria: 'c' }, 'name', 'required'],
    [{ name: 'x'.repeat(121), criteria: 'c' }, 'name', 'max-length'],
    [{ name: 'n' }, 'criteria', 'required'],
    [{ name: 'n', criteria: '   ' }, 'criteria', 'min-length'],
    [{ name: 'n', criteria: 'c', description: 'd'.repeat(2001) }, 'description', 'max-length'],
    [{ name: 'n', criteria: 'c', visibility: 'secret' }, 'visibility', 'anyOf'],
    [{ name: 'n', criteria: 'c', updateCadence: 'daily' }, 'updateCadence', 'anyOf'],
    [{ name: 'n', criteria: 'c', owner: 'x' }, 'owner', 'unknown'],
  ])('create refuses %j with 400 on the field', async (body, field, code) => {
    const response = await alice.call('POST', '/community-lists', body)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]))
  })

  it('update: the owner edits details; audited with before and after', async () => {
    const id = (await alice.createList({ name: 'Old name' })).json().id
    const response = await alice.updateList(id, { name: 'New name', visibility: 'unlisted', updateCadence: 'monthly' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ name: 'New name', visibility: 'unlisted', updateCadence: 'monthly' })
    const row = await t.db.selectFrom('audit_log').select(['before', 'after']).where('subject_id', '=', id).where('action', '=', 'community_list.updated').executeTakeFirstOrThrow()
    expect(row).toMatchObject({ before: { name: 'Old name', visibility: 'public' }, after: { name: 'New name', visibility: 'unlisted' } })
  })

  it('update refuses an empty body and blank values with 400', async () => {
    const id = (await alice.createList()).json().id
    expect((await alice.updateList(id, {})).statusCode).toBe(400)
    expect((await alice.updateList(id, { name: ' ' })).json().error.fields).toEqual([expect.objectContaining({ field: 'name' })])
  })

  it('get shows the current version, its item count and the subscriber count', async () => {
    const id = await publishedList(alice, artists)
    await bob.subscribe(id)
    const seen = (await bob.getList(id)).json()
    expect(seen).toMatchObject({ currentVersion: 1, itemCount: 2, subscriberCount: 1, isOwner: false, draft: null })
    expect(seen.mySubscription).toMatchObject({ mode: 'auto', acceptedVersion: 1, pendingUpdate: false })
  })

  it('get answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await alice.getList('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
    expect((await alice.getList('not-a-uuid')).statusCode).toBe(400)
  })

  it('requires a signed-in user', async () => {
    expect((await t.app.inject({ url: '/api/v1/community-lists' })).statusCode).toBe(401)
  })
})
