import { describe, expect, it } from 'vitest'
import type { ImportPreview } from '@ndith/contracts'
import { signInWithList } from '../../../test/support/blocklist.ts'
import { useCatalogApp } from '../../../test/support/catalog.ts'

// How rows are read and classified: plain lists, links in the name column, repeated artists,
// candidates already on the list, and a summary that counts what will really be added.
const t = useCatalogApp()
const listener = () => signInWithList(t.app)

async function previewOf(me: Awaited<ReturnType<typeof listener>>, content: string, format: 'csv' | 'json' = 'csv'): Promise<ImportPreview> {
  const response = await me.preview(format, content)
  expect(response.statusCode).toBe(201)
  return response.json()
}

const statuses = (preview: ImportPreview) => preview.rows.map((r) => [r.index, r.status, r.artist?.name ?? null])

describe('import rows', () => {
  it('reads plain names pasted one per line, without a header row (commas and quotes kept in the name)', async () => {
    const preview = await previewOf(await listener(), '\uFEFFDrake\r\nchris brown\n\n"R. Kelly"\nEarth, Wind & Fire\n"Weird Al" Yankovic\n')
    expect(preview.rows.map((r) => r.input.name)).toEqual(['Drake', 'chris brown', 'R. Kelly', 'Earth, Wind & Fire', '"Weird Al" Yankovic'])
    expect(statuses(preview)).toEqual([
      [1, 'will_add', 'Drake'],
      [2, 'will_add', 'Chris Brown'],
      [3, 'will_add', 'R. Kelly'],
      [4, 'not_found', null],
      [5, 'not_found', null],
    ])
  })

  it('still asks for a header when every line has the same several columns under an unknown header', async () => {
    const response = await (await listener()).preview('csv', 'artist_id,foo\n1,2\n3,4')
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields[0].message).toContain('header row')
  })

  it('resolves a streaming link in the name column like one in the url column (CSV, plain lines and JSON)', async () => {
    const me = await listener()
    const csv = await previewOf(me, 'name,tags\nhttps://open.spotify.com/artist/3TVXtAsR1Inumwj472S9r4?si=x,rap\nhttps://music.apple.com/us/artist/drake/271256,')
    expect(csv.rows.map((r) => [r.input.name, r.input.url, r.artist?.name])).toEqual([
      [null, 'https://open.spotify.com/artist/3TVXtAsR1Inumwj472S9r4?si=x', 'Drake'],
      [null, 'https://music.apple.com/us/artist/drake/271256', 'Drake'],
    ])
    expect(csv.rows[1]).toMatchObject({ status: 'duplicate', duplicateOf: 1 })
    const plain = await previewOf(me, 'spotify:artist:2mxe0TnaNL039ysAj51xPQ\nhttps://example.com/artist/1')
    expect(plain.rows.map((r) => [r.status, r.artist?.name ?? r.message])).toEqual([
      ['will_add', 'R. Kelly'],
      ['invalid', 'The link is not an artist page on a supported service'],
    ])
    const json = await previewOf(me, JSON.stringify(['https://open.spotify.com/artist/7bXgB6jMjp9ATFy66eO08Z']), 'json')
    expect(json.rows[0]).toMatchObject({ status: 'will_add', artist: { name: 'Chris Brown' } })
  })

  it('combines rows for the same artist (by name, alias or link) into the first, merging tags and notes', async () => {
    const preview = await previewOf(
      await listener(),
      [
        'name,url,tags,note',
        'Drake,,rap,first note',
        'drake,,beef|Rap,second note',
        ',https://open.spotify.com/artist/3TVXtAsR1Inumwj472S9r4,,first note',
        'Ye,,,',
        'Kanye West,,,',
        'Nobody Known Zzq,,,',
        'nobody known zzq,,,',
      ].join('\n'),
    )
    expect(preview.rows.map((r) => [r.index, r.status, r.duplicateOf, r.combinedRows])).toEqual([
      [1, 'will_add', null, [2, 3]],
      [2, 'duplicate', 1, []],
      [3, 'duplicate', 1, []],
      [4, 'will_add', null, [5]],
      [5, 'duplicate', 4, []],
      [6, 'not_found', null, [7]],
      [7, 'duplicate', 6, []],
    ])
    expect(preview.rows[0]!.input).toMatchObject({ tags: ['rap', 'beef'], note: 'first note; second note' })
    expect(preview.rows[0]!.message).toBe('3 rows for Drake combined (rows 1, 2, 3)')
    expect(preview.rows[1]!.message).toBe('Combined with row 1 (Drake)')
    expect(preview.summary).toMatchObject({ will_add: 2, duplicate: 4, not_found: 1 })
  })

  it('marks candidates already on the list, and counts only what will really be added', async () => {
    const me = await listener()
    await me.addArtist(t.artist('Drake'))
    const nirvanas = await t.db.selectFrom('artists').select('id').where('canonical_name', '=', 'Nirvana').orderBy('spotify_id').execute()
    await me.addArtist(nirvanas[0]!.id)
    const preview = await previewOf(me, ['Drake', 'Nirvana', 'Chris Brown', 'chris brown', 'Marylin Mansen'].join('\n'))
    expect(statuses(preview)).toEqual([
      [1, 'already_listed', 'Drake'],
      [2, 'ambiguous', null],
      [3, 'will_add', 'Chris Brown'],
      [4, 'duplicate', 'Chris Brown'],
      [5, 'ambiguous', null],
    ])
    const nirvana = preview.rows[1]!.candidates
    expect(nirvana.map((c) => c.onList).sort()).toEqual([false, true])
    expect(nirvana.find((c) => c.onList)!.id).toBe(nirvanas[0]!.id)
    expect(preview.rows[4]!.candidates[0]).toMatchObject({ name: 'Marilyn Manson', onList: false })
    expect(preview.summary.will_add).toBe(1)

    // Confirming what the preview counted adds exactly that many.
    const confirmed = await me.confirm(preview.id, [{ index: 3, artistId: t.artist('Chris Brown') }])
    expect(confirmed.json()).toEqual({ added: 1, alreadyListed: 0 })
  })

  it('refuses to import a duplicate row (its artist comes with the first row)', async () => {
    const me = await listener()
    const preview = await previewOf(me, 'Drake\nDrake')
    const response = await me.confirm(preview.id, [{ index: 2, artistId: t.artist('Drake') }])
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields[0].message).toBe('Row 2: A row marked duplicate cannot be imported')
  })
})
