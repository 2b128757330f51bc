import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts'
import { insertArtists } from '../../../../test/support/catalog.ts'
import { auditActions, signIn, type Listener } from '../../../../test/support/community.ts'

let t: TestApp
let alice: Listener
let bob: Listener
let a: string, b: string, c: string, d: string
beforeAll(async () => {
  t = await createTestApp()
  ;[alice, bob] = [await signIn(t.app), await signIn(t.app)]
  ;[a, b, c, d] = (await insertArtists(t.db, 'Alpha', 'Bravo', 'Charlie', 'Delta')) as [string, string, string, string]
})
afterAll(() => t.close())

const newList = async () => (await alice.createList()).json().id as string
const artistNames = (items: { artist: { name: string } }[]) => items.map((i) => i.artist.name)

describe('publishing', () => {
  it('publishing an empty draft first is refused with 409', async () => {
    const response = await alice.publish(await newList())
    expect(response.statusCode).toBe(409)
    expect(response.json().error.message).toBe('Add at least one artist before publishing')
  })

  it('creates version 1 from the draft; the list shows it; audited', async () => {
    const id = await newList()
    await alice.addItem(id, a)
    await alice.addItem(id, b)
    const response = await alice.publish(id, 'First cut')
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ listId: id, version: 1, itemCount: 2, changelog: 'First cut', publishedAt: expect.any(String) })
    expect((await alice.getList(id)).json()).toMatchObject({ currentVersion: 1, itemCount: 2, draft: { itemCount: 2, hasUnpublishedChanges: false } })
    expect(await auditActions(t.db, id)).toContain('community_list.published')
  })

  it('publishing an unchanged draft answers 409 "Nothing changed since version N"', async () => {
    const id = await newList()
    await alice.addItem(id, a)
    await alice.publish(id)
    const response = await alice.publish(id)
    expect(response.statusCode).toBe(409)
    expect(response.json().error).toMatchObject({ code: 'CONFLICT', message: 'Nothing changed since version 1' })
  })

  it('a changed rationale alone is a change worth a new version', async () => {
    const id = await newList()
    await alice.addItem(id, a)
    await alice.publish(id)
    await alice.call('PATCH', `/community-lists/${id}/items/${a}`, { rationale: 'Better sourced' })
    expect((await alice.getList(id)).json().draft.hasUnpublishedChanges).toBe(true)
    expect((await alice.publish(id)).json().version).toBe(2)
  })

  it('publishes without a request body', async () => {
    const id = await newList()
    await alice.addItem(id, a)
    const response = await t.app.inject({ method: 'POST', url: `/api/v1/community-lists/${id}/publish`, headers: alice.headers })
    expect(response.statusCode).toBe(201)
  })

  it('refuses a changelog over 2000 characters', async () => {
    const id = await newList()
    expect((await alice.publish(id, 'x'.repeat(2001))).statusCode).toBe(400)
  })
})

describe('versions and diffs', () => {
  let id: string
  beforeAll(async () => {
    id = await newList()
    await alice.addItem(id, a, { rationale: 'Old reason' })
    await alice.addItem(id, b, { rationale: 'Stays', evidenceUrl: 'https://old.example/' })
    await alice.addItem(id, c)
    await alice.publish(id, 'v1')
    // v2: Delta added, Charlie removed, Alpha's rationale and Bravo's evidence changed.
    await alice.addItem(id, d)
    await alice.removeItem(id, c)
    await alice.call('PATCH', `/community-lists/${id}/items/${a}`, { rationale: 'New reason' })
    await alice.call('PATCH', `/community-lists/${id}/items/${b}`, { evidenceUrl: 'https://new.example/' })
    await alice.publish(id, 'v2')
    await alice.removeItem(id, d)
    await alice.publish(id, 'v3')
  })

  it('lists versions newest first, visible to others', async () => {
    const response = await bob.versions(id)
    expect(response.statusCode).toBe(200)
    expect(response.json().items.map((v: { version: number; changelog: string }) => [v.version, v.changelog])).toEqual([[3, 'v3'], [2, 'v2'], [1, 'v1']])
    expect(response.json().total).toBe(3)
  })

  it('a version keeps its items, whatever the draft does later', async () => {
    const v1 = (await bob.version(id, 1)).json()
    expect(v1.version).toMatchObject({ version: 1, itemCount: 3 })
    expect(artistNames(v1.items)).toEqual(['Alpha', 'Bravo', 'Charlie'])
    expect(v1.items[0].rationale).toBe('Old reason')
  })

  it('a published version cannot be altered even by SQL', async () => {
    await expect(sql`update community_list_version_items set rationale = 'x'`.execute(t.db)).rejects.toThrow(/immutable/)
  })

  it('an unknown version answers 404; a non-number 400', async () => {
    expect((await bob.version(id, 9)).statusCode).toBe(404)
    expect((await bob.diff(id, 9)).statusCode).toBe(404)
    expect((await bob.call('GET', `/community-lists/${id}/versions/latest`)).statusCode).toBe(400)
  })

  it('the diff shows added, removed and changed rationale/evidence against the previous version', async () => {
    const response = await bob.diff(id, 2)
    expect(response.statusCode).toBe(200)
    const diff = response.json()
    expect(diff).toMatchObject({ listId: id, version: 2, fromVersion: 1 })
    expect(artistNames(diff.added)).toEqual(['Delta'])
    expect(artistNames(diff.removed)).toEqual(['Charlie'])
    expect(diff.changed).toEqual([
      expect.objectContaining({ artist: expect.objectContaining({ name: 'Alpha' }), before: { rationale: 'Old reason', evidenceUrl: null }, after: { rationale: 'New reason', evidenceUrl: null } }),
      expect.objectContaining({ artist: expect.objectContaining({ name: 'Bravo' }), before: { rationale: 'Stays', evidenceUrl: 'https://old.example/' }, after: { rationale: 'Stays', evidenceUrl: 'https://new.example/' } }),
    ])
  })

  it('version 1 diffs against nothing: everything is added', async () => {
    const diff = (await bob.diff(id, 1)).json()
    expect(diff).toMatchObject({ fromVersion: 0, removed: [], changed: [] })
    expect(artistNames(diff.added)).toEqual(['Alpha', 'Bravo', 'Charlie'])
  })

  it('?from= compares across several versions; from must be earlier', async () => {
    const diff = (await bob.diff(id, 3, '?from=1')).json()
    expect(diff).toMatchObject({ fromVersion: 1, added: [] })
    expect(artistNames(diff.removed)).toEqual(['Charlie'])
    expect(artistNames(diff.changed)).toEqual(['Alpha', 'Bravo'])
    expect((await bob.diff(id, 2, '?from=2')).statusCode).toBe(400)
  })
})

describe('concurrent publishing', () => {
  it('simultaneous publishes of one change make exactly one new version; the rest say nothing changed', async () => {
    const id = await newList()
    await alice.addItem(id, a)
    const responses = await Promise.all(Array.from({ length: 8 }, () => alice.publish(id)))
    const statuses = responses.map((r) => r.statusCode).sort()
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409])
    for (const r of responses.filter((r) => r.statusCode === 409)) expect(r.json().error.message).toBe('Nothing changed since version 1')
    expect((await alice.versions(id)).json().total).toBe(1)
  })

  it('publishes racing with edits number versions without gaps, each snapshot matching its count', async () => {
    const id = await newList()
    await alice.addItem(id, a)
    const artists = [b, c, d]
    await Promise.all([
      ...artists.map((artist) => alice.addItem(id, artist)),
      ...artists.map(() => alice.publish(id)),
    ])
    await alice.publish(id) // whatever is left over
    const versions = (await alice.versions(id)).json().items as { version: number; itemCount: number }[]
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: versions.length }, (_, i) => versions.length - i))
    for (const v of versions) expect((await alice.version(id, v.version)).json().total).toBe(v.itemCount)
    expect(versions[0]!.itemCount).toBe(4)
  })
})
