import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts'
import { insertArtists } from '../../../../test/support/catalog.ts'
import { auditActions, signIn, type Listener } from '../../../../test/support/community.ts'

// A Spotify provider that knows one artist the catalog does not have yet.
const unknownSpotifyId = '0000000000000000000NEW'
const providers = {
  spotify: { fetchArtist: async (id: string) => (id === unknownSpotifyId ? { provider: 'spotify' as const, id, name: 'Fetched Artist' } : undefined) },
}

let t: TestApp
let alice: Listener
let bob: Listener
let listId: string
let one: string
let two: string
beforeAll(async () => {
  t = await createTestApp({ providers })
  ;[alice, bob] = [await signIn(t.app), await signIn(t.app)]
  ;[one, two] = (await insertArtists(t.db, 'Artist One', 'Artist Two')) as [string, string]
  await t.db.insertInto('artists').values({ canonical_name: 'Linked Artist', spotify_id: '3TVXtAsR1Inumwj472S9r4' }).execute()
  listId = (await alice.createList()).json().id
})
afterAll(() => t.close())

describe('draft items', () => {
  it('the owner adds an artist by id with a rationale and evidence; audited', async () => {
    const response = await alice.addItem(listId, one, { rationale: ' Court records ', evidenceUrl: 'https://news.example/story' })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ artist: { id: one, name: 'Artist One' }, rationale: 'Court records', evidenceUrl: 'https://news.example/story', addedAt: expect.any(String) })
    expect(await auditActions(t.db, listId)).toContain('community_list.item_added')
    expect((await alice.getList(listId)).json().draft).toEqual({ itemCount: 1, hasUnpublishedChanges: true })
  })

  it('adds by provider URL: a catalog artist, or one fetched from the provider', async () => {
    const linked = await alice.call('POST', `/community-lists/${listId}/items`, { url: 'https://open.spotify.com/artist/3TVXtAsR1Inumwj472S9r4', rationale: 'r' })
    expect(linked.statusCode).toBe(201)
    expect(linked.json().artist.name).toBe('Linked Artist')
    const fetched = await alice.call('POST', `/community-lists/${listId}/items`, { url: `spotify:artist:${unknownSpotifyId}`, rationale: 'r' })
    expect(fetched.statusCode).toBe(201)
    expect(fetched.json().artist.name).toBe('Fetched Artist')
  })

  it('refuses a URL that is not an artist link, on the url field', async () => {
    const response = await alice.call('POST', `/community-lists/${listId}/items`, { url: 'https://example.com/x', rationale: 'r' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toEqual([expect.objectContaining({ field: 'url', code: 'unsupported-url' })])
  })

  it('a duplicate add answers 409 CONFLICT naming the artist', async () => {
    const response = await alice.addItem(listId, one)
    expect(response.statusCode).toBe(409)
    expect(response.json().error).toMatchObject({ code: 'CONFLICT', message: 'Artist One is already on this list' })
  })

  it('an unknown artist id answers 404', async () => {
    expect((await alice.addItem(listId, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
  })

  it.each([
    [{ rationale: 'r' }, 'artistId', 'one-of'],
    [{ artistId: 'ID', url: 'spotify:artist:3TVXtAsR1Inumwj472S9r4', rationale: 'r' }, 'artistId', 'one-of'],
    [{ artistId: 'ID' }, 'rationale', 'required'],
    [{ artistId: 'ID', rationale: '   ' }, 'rationale', 'min-length'],
    [{ artistId: 'ID', rationale: 'r'.repeat(1001) }, 'rationale', 'max-length'],
    [{ artistId: 'ID', rationale: 'r', evidenceUrl: 'ftp://files.example/x' }, 'evidenceUrl', 'url'],
    [{ artistId: 'ID', rationale: 'r', evidenceUrl: 'not a link' }, 'evidenceUrl', 'url'],
    [{ artistId: 'ID', rationale: 'r', evidenceUrl: `https://e.example/${'x'.repeat(2000)}` }, 'evidenceUrl', 'max-length'],
    [{ artistId: 'not-a-uuid', rationale: 'r' }, 'artistId', 'format'],
  ])('refuses %j with 400 on the field', async (body, field, code) => {
    const payload = { ...body, ...('artistId' in body && body.artistId === 'ID' ? { artistId: two } : {}) }
    const response = await alice.call('POST', `/community-lists/${listId}/items`, payload)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]))
  })

  it('the owner edits a rationale and removes the evidence link; audited', async () => {
    const response = await alice.call('PATCH', `/community-lists/${listId}/items/${one}`, { rationale: 'Updated', evidenceUrl: null })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ rationale: 'Updated', evidenceUrl: null })
    await alice.call('PATCH', `/community-lists/${listId}/items/${one}`, { evidenceUrl: 'https://again.example/' })
    expect((await alice.call('PATCH', `/community-lists/${listId}/items/${one}`, { evidenceUrl: '  ' })).json().evidenceUrl).toBeNull()
    expect(await auditActions(t.db, listId)).toContain('community_list.item_updated')
  })

  it('the owner removes an item and gets it back for undo; a second removal is 404; audited', async () => {
    await alice.addItem(listId, two, { rationale: 'To remove' })
    const removed = await alice.removeItem(listId, two)
    expect(removed.statusCode).toBe(200)
    expect(removed.json()).toMatchObject({ artist: { id: two }, rationale: 'To remove' })
    expect((await alice.removeItem(listId, two)).statusCode).toBe(404)
    expect(await auditActions(t.db, listId)).toContain('community_list.item_removed')
  })
})

describe('reading items', () => {
  it('the owner reads the working draft, sorted by artist name', async () => {
    const response = await alice.items(listId)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ draft: true, version: null, total: 3 })
    expect(response.json().items.map((i: { artist: { name: string } }) => i.artist.name)).toEqual(['Artist One', 'Fetched Artist', 'Linked Artist'])
  })

  it('others see nothing before the first publish, then the published version only', async () => {
    expect((await bob.items(listId)).json()).toMatchObject({ draft: false, version: null, items: [], total: 0 })
    expect((await alice.publish(listId)).statusCode).toBe(201)
    await alice.addItem(listId, two, { rationale: 'Draft only' })
    const seen = (await bob.items(listId)).json()
    expect(seen).toMatchObject({ draft: false, version: 1, total: 3 })
    expect(seen.items.map((i: { artist: { id: string } }) => i.artist.id)).not.toContain(two)
    // The snapshot keeps when each artist joined the list.
    type Item = { artist: { id: string }; addedAt: string }
    const draftTimes = new Map((await alice.items(listId)).json().items.map((i: Item) => [i.artist.id, i.addedAt]))
    expect(seen.items.map((i: Item) => i.addedAt)).toEqual(seen.items.map((i: Item) => draftTimes.get(i.artist.id)))
  })

  it('paginates', async () => {
    const response = (await bob.items(listId, '?limit=2&offset=2')).json()
    expect(response).toMatchObject({ total: 3, limit: 2, offset: 2 })
    expect(response.items).toHaveLength(1)
  })
})
