import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { register } from '../../../test/support/auth.ts'
import { wordKey } from './search.ts'

// Typo-tolerant search: swapped letters, two typos in a multi-word name, exact names first,
// "did you mean" when nothing matches, and the user's own list marked.
let t: TestApp
let auth: { authorization: string }
beforeAll(async () => {
  t = await createTestApp()
  auth = { authorization: `Bearer ${(await register(t.app)).session.accessToken}` }
  await t.db
    .insertInto('artists')
    .values([
      { canonical_name: 'Taylor Swift' },
      { canonical_name: 'James Taylor' },
      { canonical_name: 'Swift Boys' },
      { canonical_name: 'Drake' },
      { canonical_name: 'Drake Bell' },
      { canonical_name: 'Nick Drake' },
      { canonical_name: 'Ariana Grande' },
      { canonical_name: 'Kanye West', aliases: ['Ye'] },
      { canonical_name: 'Yes' },
      { canonical_name: 'Beyoncé' },
    ])
    .execute()
})
afterAll(() => t.close())

type Page = { items: { name: string; score: number; onList: boolean }[]; suggestions: string[] }
const search = async (q: string) => {
  const response = await t.app.inject({ url: `/api/v1/artists/search?q=${encodeURIComponent(q)}`, headers: auth })
  expect(response.statusCode).toBe(200)
  return response.json<Page>()
}
const names = (page: Page) => page.items.map((a) => a.name)

describe('typo-tolerant artist search', () => {
  it.each([
    ['Tylor Swfit', 'Taylor Swift'],
    ['taylro swift', 'Taylor Swift'],
    ['Teylor Swuft', 'Taylor Swift'],
    ['Arina Grnade', 'Ariana Grande'],
    ['Dkrae', 'Drake'],
    ['darke', 'Drake'],
    ['  DRAKE ', 'Drake'],
    ['beyonce', 'Beyoncé'],
  ])('"%s" finds %s first', async (q, name) => {
    expect(names(await search(q))[0]).toBe(name)
  })

  it('ranks the exact name first, then closer names above looser ones', async () => {
    expect(names(await search('drake'))).toEqual(['Drake', 'Drake Bell', 'Nick Drake'])
    const swapped = names(await search('tylor swfit'))
    expect(swapped.indexOf('Taylor Swift')).toBeLessThan(swapped.indexOf('Swift Boys'))
  })

  it('ranks an exact alias first', async () => {
    expect(names(await search('ye'))[0]).toBe('Kanye West')
  })

  it('offers "did you mean" names when nothing matches, and none when something does', async () => {
    const none = await search('Tailer Swyft')
    expect(none.items).toEqual([])
    expect(none.suggestions[0]).toBe('Taylor Swift')
    expect((await search('Tylor Swfit')).suggestions).toEqual([])
    expect(await search('zzqqxxvv')).toMatchObject({ items: [], suggestions: [] })
  })

  it.each(['!!', '   ', "'", '%_'])('answers %j without words with no matches, not an error', async (q) => {
    expect(await search(q)).toMatchObject({ items: [], suggestions: [] })
  })

  it("marks artists already on the signed-in user's list", async () => {
    const drake = (await search('drake')).items[0]!
    expect(drake.onList).toBe(false)
    const artistId = (await t.db.selectFrom('artists').select('id').where('canonical_name', '=', 'Drake').executeTakeFirstOrThrow()).id
    await t.app.inject({ method: 'POST', url: '/api/v1/me/blocklist', headers: auth, payload: { artistId } })
    expect((await search('darke')).items.map((a) => [a.name, a.onList])).toEqual([
      ['Drake', true],
      ['Drake Bell', false],
      ['Nick Drake', false],
    ])
    const other = { authorization: `Bearer ${(await register(t.app)).session.accessToken}` }
    const theirs = await t.app.inject({ url: '/api/v1/artists/search?q=drake', headers: other })
    expect(theirs.json<Page>().items[0]).toMatchObject({ name: 'Drake', onList: false })
  })

  it('computes the query words\' keys as the database computes the catalog\'s', async () => {
    const words = ['Swift', 'Beyoncé', 'Sigur', 'Rós', 'AC', 'DC', 'Motörhead', '2Pac']
    const { rows } = await sql<{ keys: string[] }>`select artist_word_keys(${words.join(' ')}) as keys`.execute(t.db)
    expect(new Set(rows[0]!.keys)).toEqual(new Set(words.map(wordKey).filter(Boolean)))
  })
})
