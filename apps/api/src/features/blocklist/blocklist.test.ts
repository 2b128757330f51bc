import { describe, expect, it } from 'vitest'
import { signInWithList } from '../../../test/support/blocklist.ts'
import { useCatalogApp } from '../../../test/support/catalog.ts'

const t = useCatalogApp()
const artist = (name: string) => t.artist(name)

const listener = () => signInWithList(t.app)

describe('personal Do-Not-Play list', () => {
  it('adds an artist by id with tags and a note, and lists it', async () => {
    const me = await listener()
    const added = await me.add({ artistId: artist('Drake'), tags: ['beef', ' beef ', 'Pop'], note: '  not for me  ' })
    expect(added.statusCode).toBe(201)
    expect(added.json()).toMatchObject({ created: true, entry: { artist: { name: 'Drake' }, tags: ['beef', 'Pop'], note: 'not for me' } })
    const page = (await me.list()).json()
    expect(page).toMatchObject({ total: 1, items: [{ artist: { name: 'Drake' } }], tags: ['beef', 'Pop'] })
  })

  it('adds by provider URL', async () => {
    const me = await listener()
    const added = await me.add({ url: 'https://open.spotify.com/artist/7bXgB6jMjp9ATFy66eO08Z' })
    expect(added.json().entry.artist.name).toBe('Chris Brown')
  })

  it('a duplicate add says so instead of failing', async () => {
    const me = await listener()
    await me.add({ artistId: artist('Drake'), tags: ['first'] })
    const again = await me.add({ url: 'spotify:artist:3TVXtAsR1Inumwj472S9r4', tags: ['second'] })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ created: false, entry: { tags: ['first'] } })
  })

  it.each([
    ['artistId', 'format', { artistId: 'x' }],
    ['tags', 'maxItems', { tags: Array.from({ length: 11 }, (_, i) => `t${i}`), artistId: '00000000-0000-4000-8000-000000000000' }],
    ['tags.0', 'max-length', { tags: ['x'.repeat(33)], artistId: '00000000-0000-4000-8000-000000000000' }],
    ['note', 'max-length', { note: 'n'.repeat(1001), artistId: '00000000-0000-4000-8000-000000000000' }],
    ['artistId', 'one-of', {}],
    ['url', 'unsupported-url', { url: 'https://example.com/not-an-artist' }],
    // Postgres refuses NUL characters: the contract refuses them first, so the answer is a 400, not a 500.
    ['note', 'pattern', { note: 'not\u0000for me', artistId: '00000000-0000-4000-8000-000000000000' }],
    ['tags.0', 'pattern', { tags: ['a\u0000b'], artistId: '00000000-0000-4000-8000-000000000000' }],
  ])('refuses bad input with a field error on %s (%s)', async (field, code, payload) => {
    const me = await listener()
    const response = await me.add(payload)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]))
  })

  it('answers 404 for an artist id not in the catalog', async () => {
    expect((await (await listener()).add({ artistId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404)
  })

  it('edits tags and note, and removes an entry returning it for undo', async () => {
    const me = await listener()
    const { entry } = (await me.add({ artistId: artist('Nirvana'), tags: ['grunge'] })).json()
    const edited = await me.edit(entry.id, { tags: ['90s'], note: 'later' })
    expect(edited.json()).toMatchObject({ tags: ['90s'], note: 'later' })
    expect((await me.edit(entry.id, { note: null })).json().note).toBeNull()
    expect((await me.edit(entry.id, {})).statusCode).toBe(400)
    const nul = await me.edit(entry.id, { note: 'a\u0000b' })
    expect(nul.statusCode).toBe(400)
    expect(nul.json().error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'note', code: 'pattern' })]))

    const removed = await me.remove(entry.id)
    expect(removed.json()).toMatchObject({ id: entry.id, tags: ['90s'] })
    expect((await me.list()).json().total).toBe(0)
    expect((await me.remove(entry.id)).statusCode).toBe(404)
  })

  it('filters by tag, searches within the list, sorts by name or date, paginates', async () => {
    const me = await listener()
    await me.add({ artistId: artist('R. Kelly'), tags: ['abuse'] })
    await me.add({ artistId: artist('Marilyn Manson'), tags: ['abuse'] })
    await me.add({ artistId: artist('Kanye West'), tags: ['politics'], note: 'the tweets' })
    const names = async (q: string) => (await me.list(q)).json().items.map((e: { artist: { name: string } }) => e.artist.name)

    expect(await names('?tag=abuse&sort=name')).toEqual(['Marilyn Manson', 'R. Kelly'])
    expect(await names('?q=yeezy')).toEqual(['Kanye West'])
    expect(await names('?q=tweets')).toEqual(['Kanye West'])
    expect(await names('?sort=name&order=desc')).toEqual(['R. Kelly', 'Marilyn Manson', 'Kanye West'])
    expect(await names('?sort=added')).toEqual(['Kanye West', 'Marilyn Manson', 'R. Kelly'])
    const page = (await me.list('?sort=name&limit=2&offset=2')).json()
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 2 })
    expect(page.items.map((e: { artist: { name: string } }) => e.artist.name)).toEqual(['R. Kelly'])
    expect((await me.list('?offset=50')).json()).toMatchObject({ total: 3, items: [] })
  })

  it('audits add, edit and remove in the same transaction', async () => {
    const me = await listener()
    const { entry } = (await me.add({ artistId: artist('Drake') })).json()
    await me.edit(entry.id, { tags: ['x'] })
    await me.remove(entry.id)
    const audit = await t.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('subject_id', '=', entry.id).orderBy('id').execute()
    expect(audit.map((a) => a.action)).toEqual(['blocklist.entry_added', 'blocklist.entry_updated', 'blocklist.entry_removed'])
    expect(audit[1]).toMatchObject({ before: { tags: [] }, after: { tags: ['x'] } })
  })

  it('another user gets 404 for my entries and never sees them', async () => {
    const me = await listener()
    const other = await listener()
    const { entry } = (await me.add({ artistId: artist('Drake') })).json()
    expect((await other.edit(entry.id, { tags: ['x'] })).statusCode).toBe(404)
    expect((await other.remove(entry.id)).statusCode).toBe(404)
    expect((await other.list()).json().total).toBe(0)
    expect((await me.list()).json().total).toBe(1)
  })
})
