import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { goodPassword } from '../../../test/support/auth.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { insertArtists } from '../../../test/support/catalog.ts'
import { publishedList, signIn } from '../../../test/support/community.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const names = (items: { artist: { name: string } }[]) => items.map((i) => i.artist.name)

describe('deleting a curator who published', () => {
  it('succeeds (204): published versions stay for subscribers unchanged, by a deleted account; drafts go', async () => {
    const [curator, subscriber] = [await signIn(t.app), await signIn(t.app)]
    const [a, b, c] = (await insertArtists(t.db, 'Curated A', 'Curated B', 'Curated C')) as [string, string, string]
    const listId = await publishedList(curator, [a, b])
    await curator.addItem(listId, c)
    expect((await curator.publish(listId, 'Adds C')).statusCode).toBe(201)
    await curator.removeItem(listId, a) // an unpublished change in the working draft
    expect((await subscriber.subscribe(listId)).statusCode).toBe(201)
    const neverPublished = (await curator.createList({ name: 'Draft only' })).json().id as string
    const versionsBefore = (await subscriber.versions(listId)).json()
    const v2Before = (await subscriber.version(listId, 2)).json()

    const deleted = await curator.call('DELETE', '/me', { password: goodPassword })
    expect(deleted.statusCode).toBe(204)

    const list = (await subscriber.getList(listId)).json()
    expect(list).toMatchObject({ owner: null, isOwner: false, currentVersion: 2 })
    expect((await subscriber.versions(listId)).json()).toEqual(versionsBefore)
    const v2 = (await subscriber.version(listId, 2)).json()
    expect(v2).toEqual(v2Before)
    expect(names(v2.items)).toEqual(['Curated A', 'Curated B', 'Curated C'])
    const effective = (await subscriber.effective()).json()
    expect(effective.items.map((i: { artist: { name: string } }) => i.artist.name)).toEqual(expect.arrayContaining(['Curated A', 'Curated B', 'Curated C']))
    expect(await t.db.selectFrom('community_lists').select('id').where('id', '=', neverPublished).execute()).toEqual([])
    const versions = await t.db.selectFrom('community_list_versions').select(['version', 'published_by']).where('list_id', '=', listId).orderBy('version').execute()
    expect(versions).toEqual([{ version: 1, published_by: null }, { version: 2, published_by: null }])
  })

  it('published versions still refuse every other change, even by SQL', async () => {
    const curator = await signIn(t.app)
    const [a] = (await insertArtists(t.db, 'Kept Artist')) as [string]
    const listId = await publishedList(curator, [a])
    await expect(sql`update community_list_versions set item_count = 99 where list_id = ${listId}`.execute(t.db)).rejects.toThrow(/immutable/)
    await expect(sql`update community_list_versions set published_by = null, changelog = 'x' where list_id = ${listId}`.execute(t.db)).rejects.toThrow(/immutable/)
  })
})
