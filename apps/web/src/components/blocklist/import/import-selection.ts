import type { ImportConfirmRequest, ImportPreview, ImportRow, ImportRowStatus } from '@ndith/contracts'

/** What the user decided in the preview: rows left out, and the artist picked for ambiguous rows. */
export interface ImportChoices {
  /** will_add rows the user unticked. */
  excluded: Record<number, boolean>
  /** ambiguous row index → chosen candidate's artist id. */
  picks: Record<number, string>
}

export const emptyChoices = (): ImportChoices => ({ excluded: {}, picks: {} })

export const STATUS_LABELS: Record<ImportRowStatus, string> = {
  will_add: 'Will be added',
  ambiguous: 'Choose the artist',
  already_listed: 'Already on your list',
  not_found: 'Not found',
  duplicate: 'Combined with another row',
  invalid: "Can't be imported",
}

/** The order statuses are summarised in: what needs the user first. */
export const STATUS_ORDER: readonly ImportRowStatus[] = ['will_add', 'ambiguous', 'already_listed', 'duplicate', 'not_found', 'invalid']

/** The artist a row will import, or null when it will not be imported (a candidate already on the list adds nothing). */
export function chosenArtistId(row: ImportRow, choices: ImportChoices): string | null {
  if (row.status === 'will_add') return choices.excluded[row.index] ? null : (row.artist?.id ?? null)
  if (row.status === 'ambiguous') {
    const pick = choices.picks[row.index]
    return pick && row.candidates.some((c) => c.id === pick && !c.onList) ? pick : null
  }
  return null
}

/** The confirm request: included will-add rows and ambiguous rows with a pick, each artist once. */
export function confirmRows(preview: ImportPreview, choices: ImportChoices): ImportConfirmRequest['rows'] {
  const seen = new Set<string>()
  const rows: ImportConfirmRequest['rows'] = []
  for (const row of preview.rows) {
    const artistId = chosenArtistId(row, choices)
    // Two rows resolving to one artist would add it once anyway; sending it once keeps the count honest.
    if (!artistId || seen.has(artistId)) continue
    seen.add(artistId)
    rows.push({ index: row.index, artistId })
  }
  return rows
}

export interface SelectionSummary {
  toImport: number
  /** Ambiguous rows still without a choice: they will be skipped. */
  undecided: number
}

export function summarize(preview: ImportPreview, choices: ImportChoices): SelectionSummary {
  const undecided = preview.rows.filter((row) => row.status === 'ambiguous' && chosenArtistId(row, choices) === null).length
  return { toImport: confirmRows(preview, choices).length, undecided }
}

export function countByStatus(rows: readonly ImportRow[]): Record<ImportRowStatus, number> {
  const counts: Record<ImportRowStatus, number> = { will_add: 0, ambiguous: 0, already_listed: 0, duplicate: 0, not_found: 0, invalid: 0 }
  for (const row of rows) counts[row.status]++
  return counts
}

/** CSV or JSON, from the file name when there is one, else from the first character of the text. */
export function detectFormat(content: string, fileName?: string): 'csv' | 'json' {
  const extension = fileName?.toLowerCase().split('.').pop()
  if (extension === 'json') return 'json'
  if (extension === 'csv' || extension === 'txt') return 'csv'
  return /^\s*[[{]/.test(content.replace(/^\uFEFF/, '')) ? 'json' : 'csv'
}
