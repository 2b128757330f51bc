import type { ImportCandidate, ImportPreview, ImportRow } from '@ndith/contracts'
import { describe, expect, it } from 'vitest'
import { confirmRows, countByStatus, detectFormat, emptyChoices, summarize } from './import-selection.ts'

const artist = (id: string, onList = false): ImportCandidate => ({ id, name: id, aliases: [], imageUrl: null, genres: [], externalIds: {}, onList })
const row = (index: number, status: ImportRow['status'], extra: Partial<ImportRow> = {}): ImportRow => ({
  index,
  input: { name: `row ${index}`, url: null, tags: [], note: null },
  status,
  artist: null,
  candidates: [],
  message: null,
  duplicateOf: null,
  combinedRows: [],
  ...extra,
})
const preview = (rows: ImportRow[]): ImportPreview => ({ id: 'imp-1', format: 'csv', status: 'previewed', rows, summary: {}, createdAt: '2026-11-25T10:00:00.000Z' })

const file = preview([
  row(1, 'will_add', { artist: artist('drake') }),
  row(2, 'ambiguous', { candidates: [artist('future'), artist('future-islands')] }),
  row(3, 'already_listed', { artist: artist('kanye') }),
  row(4, 'not_found'),
  row(5, 'will_add', { artist: artist('r-kelly') }),
  row(6, 'invalid'),
  row(7, 'duplicate', { artist: artist('drake'), duplicateOf: 1 }),
])

describe('confirmRows', () => {
  it('sends will-add rows by default and skips ambiguous rows nobody chose for', () => {
    expect(confirmRows(file, emptyChoices())).toEqual([
      { index: 1, artistId: 'drake' },
      { index: 5, artistId: 'r-kelly' },
    ])
  })

  it('sends an ambiguous row with the candidate the user picked', () => {
    const choices = { ...emptyChoices(), picks: { 2: 'future-islands' } }

    expect(confirmRows(file, choices)).toContainEqual({ index: 2, artistId: 'future-islands' })
  })

  it('leaves out will-add rows the user unticked', () => {
    const choices = { ...emptyChoices(), excluded: { 1: true } }

    expect(confirmRows(file, choices).map((r) => r.index)).toEqual([5])
  })

  it('ignores a pick that is not one of the row’s candidates', () => {
    const choices = { ...emptyChoices(), picks: { 2: 'drake-from-elsewhere' } }

    expect(confirmRows(file, choices).map((r) => r.index)).toEqual([1, 5])
  })

  it('never sends a duplicate row, nor a candidate already on the list', () => {
    const choices = { ...emptyChoices(), picks: { 2: 'future' } }
    const listed = preview([row(1, 'duplicate', { artist: artist('drake'), duplicateOf: 3 }), row(2, 'ambiguous', { candidates: [artist('future', true)] })])

    expect(confirmRows(listed, choices)).toEqual([])
    expect(summarize(listed, choices)).toEqual({ toImport: 0, undecided: 1 })
  })

  it('sends an artist once when two rows resolve to it', () => {
    const choices = { ...emptyChoices(), picks: { 2: 'drake' } }
    const twice = preview([row(1, 'will_add', { artist: artist('drake') }), row(2, 'ambiguous', { candidates: [artist('drake')] })])

    expect(confirmRows(twice, choices)).toEqual([{ index: 1, artistId: 'drake' }])
  })
})

describe('summarize and countByStatus', () => {
  it('counts what will be imported and the ambiguous rows still undecided', () => {
    expect(summarize(file, emptyChoices())).toEqual({ toImport: 2, undecided: 1 })
    expect(summarize(file, { excluded: {}, picks: { 2: 'future' } })).toEqual({ toImport: 3, undecided: 0 })
  })

  it('counts rows per status', () => {
    expect(countByStatus(file.rows)).toEqual({ will_add: 2, ambiguous: 1, already_listed: 1, duplicate: 1, not_found: 1, invalid: 1 })
  })
})

describe('detectFormat', () => {
  it.each([
    ['name\nDrake', 'list.csv', 'csv'],
    ['[{"name":"Drake"}]', 'list.JSON', 'json'],
    ['  [ "Drake" ]', undefined, 'json'],
    ['\uFEFF{"entries":[]}', undefined, 'json'],
    ['name,url\nDrake,', undefined, 'csv'],
  ])('%j (file %s) is %s', (content, fileName, format) => {
    expect(detectFormat(content, fileName)).toBe(format)
  })
})
