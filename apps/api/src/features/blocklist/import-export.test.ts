import { describe, expect, it } from 'vitest'
import type { ImportPreview } from '@ndith/contracts'
import { signInWithList } from '../../../test/support/blocklist.ts'
import { useCatalogApp } from '../../../test/support/catalog.ts'

const t = useCatalogApp()
const artist = (name: string) => t.artist(name)

const listener = () => signInWithList(t.app)

const csv = [
  'name,url,tags,note',
  'Drake,,beef|pop,',
  ',https://open.spotify.com/artist/7bXgB6jMjp9ATFy66eO08Z,,"has a, comma"',
  'Kanye West,,,',
  'Nirvana,,,',
  'Definitely Not An Artist Xyz,,,',
  'Marylin Mansen,,,',
  ',https://example.com/nope,,',
  'yeezy,,,',
].join('\n')

describe('import', () => {
  it('previews each row as will-add, already-listed, not-found, ambiguous, duplicate or invalid', async () => {
    const me = await listener()
    await me.addArtist(artist('Kanye West'))
    const response = await me.preview('csv', csv)
    expect(response.statusCode).toBe(201)
    const preview: ImportPreview = response.json()
    expect(preview.rows.map((r) => [r.index, r.status])).toEqual([
      [1, 'will_add'],
      [2, 'will_add'],
      [3, 'already_listed'],
      [4, 'ambiguous'],
      [5, 'not_found'],
      [6, 'ambiguous'],
      [7, 'invalid'],
      [8, 'duplicate'],
    ])
    expect(preview.rows[0]).toMatchObject({ artist: { name: 'Drake' }, input: { tags: ['beef', 'pop'] } })
    expect(preview.rows[1]).toMatchObject({ artist: { name: 'Chris Brown' }, input: { note: 'has a, comma' } })
    expect(preview.rows[3]!.candidates).toHaveLength(2)
    expect(preview.rows[5]!.candidates[0]!.name).toBe('Marilyn Manson')
    expect(preview.rows[7]).toMatchObject({ artist: { name: 'Kanye West' }, duplicateOf: 3 })
    expect(preview.summary).toEqual({ will_add: 2, already_listed: 1, not_found: 1, ambiguous: 2, duplicate: 1, invalid: 1 })
  })

  it('imports the confirmed rows (with a chosen candidate) all at once, keeping tags and notes', async () => {
    const me = await listener()
    const preview: ImportPreview = (await me.preview('csv', csv)).json()
    const nirvana = preview.rows[3]!.candidates[0]!.id
    const confirmed = await me.confirm(preview.id, [
      { index: 1, artistId: artist('Drake') },
      { index: 2, artistId: artist('Chris Brown') },
      { index: 4, artistId: nirvana },
    ])
    expect(confirmed.statusCode).toBe(200)
    expect(confirmed.json()).toEqual({ added: 3, alreadyListed: 0 })
    expect(await me.names()).toEqual(['Chris Brown', 'Drake', 'Nirvana'])
    expect((await me.confirm(preview.id, [{ index: 1, artistId: artist('Drake') }])).statusCode).toBe(409)
  })

  it('is all-or-nothing: one row that may not be imported and nothing is added', async () => {
    const me = await listener()
    const preview: ImportPreview = (await me.preview('csv', csv)).json()
    const response = await me.confirm(preview.id, [
      { index: 1, artistId: artist('Drake') },
      { index: 5, artistId: artist('Drake') },
      { index: 6, artistId: artist('Drake') },
    ])
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['rows.1', 'rows.2'])
    expect(await me.names()).toEqual([])
  })

  it('reads JSON arrays of names or rows', async () => {
    const me = await listener()
    const preview: ImportPreview = (await me.preview('json', JSON.stringify(['Drake', { url: 'spotify:artist:2mxe0TnaNL039ysAj51xPQ', tags: ['x'] }]))).json()
    expect(preview.rows.map((r) => [r.status, r.artist?.name])).toEqual([['will_add', 'Drake'], ['will_add', 'R. Kelly']])
  })

  it.each<{ format: 'csv' | 'json'; content: string; message: string }>([
    { format: 'csv', content: 'artist_id,foo\n1,2', message: 'header row' },
    { format: 'csv', content: 'name\n"unterminated', message: 'could not be read' },
    { format: 'json', content: '{"nope": 1}', message: 'array' },
    { format: 'json', content: '{not json', message: 'could not be read' },
    { format: 'csv', content: 'name\n', message: 'no rows' },
  ])('explains an unreadable $format file ($message)', async ({ format, content, message }) => {
    const response = await (await listener()).preview(format, content)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields[0]).toMatchObject({ field: 'content', message: expect.stringContaining(message) })
  })

  it('a 5,000-row file previews and imports in one request each', async () => {
    const me = await listener()
    const names = ['Drake', 'Chris Brown', 'R. Kelly', 'Unknown Person']
    const rows = Array.from({ length: 5000 }, (_, i) => `${names[i % 4]} ${i < 4 ? '' : i},,bulk,`.replace(' ,', ','))
    const preview: ImportPreview = (await me.preview('csv', ['name,url,tags,note', ...rows].join('\n'))).json()
    expect(preview.rows).toHaveLength(5000)
    const willAdd = preview.rows.filter((r) => r.status === 'will_add')
    expect(willAdd.map((r) => r.artist!.name)).toEqual(['Drake', 'Chris Brown', 'R. Kelly'])
    const confirmed = await me.confirm(preview.id, willAdd.map((r) => ({ index: r.index, artistId: r.artist!.id })))
    expect(confirmed.json()).toEqual({ added: 3, alreadyListed: 0 })
  })

  it('another user gets 404 for my import', async () => {
    const me = await listener()
    const other = await listener()
    const preview: ImportPreview = (await me.preview('csv', csv)).json()
    expect((await t.app.inject({ url: `/api/v1/me/blocklist/imports/${preview.id}`, headers: other.headers })).statusCode).toBe(404)
    expect((await other.confirm(preview.id, [{ index: 1, artistId: artist('Drake') }])).statusCode).toBe(404)
  })
})

describe('export', () => {
  it('exports CSV and JSON that import back to the same list', async () => {
    const me = await listener()
    for (const name of ['Drake', 'Nirvana', 'R. Kelly']) await me.addArtist(artist(name))

    const csvFile = await me.exportAs('csv')
    expect(csvFile.headers['content-type']).toContain('text/csv')
    expect(csvFile.headers['content-disposition']).toMatch(/attachment; filename="do-not-play-\d{4}-\d{2}-\d{2}\.csv"/)
    expect(csvFile.body.split('\n')[0]).toBe('name,url,tags,note,added_at')
    const jsonFile = await me.exportAs('json')
    expect(jsonFile.json().entries).toHaveLength(3)

    for (const [format, body] of [['csv', csvFile.body], ['json', jsonFile.body]] as const) {
      const fresh = await listener()
      const preview: ImportPreview = (await fresh.preview(format, body)).json()
      // The Nirvana without a link is ambiguous by name; the linked ones resolve exactly.
      const chosen = preview.rows.map((r) => ({ index: r.index, artistId: r.artist?.id ?? r.candidates.find((c) => c.id === artist('Nirvana'))!.id }))
      expect((await fresh.confirm(preview.id, chosen)).json().added).toBe(3)
      expect(await fresh.names()).toEqual(await me.names())
    }
  })

  it('escapes cells that a spreadsheet would run as formulas', async () => {
    const me = await listener()
    const { entry } = (await me.addArtist(artist('Drake'))).json()
    await t.app.inject({ method: 'PATCH', url: `/api/v1/me/blocklist/${entry.id}`, headers: me.headers, payload: { note: '=HYPERLINK("x")' } })
    expect((await me.exportAs('csv')).body).toContain(`'=HYPERLINK`)
  })
})
