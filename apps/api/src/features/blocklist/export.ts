import { stringify } from 'csv-stringify/sync'
import { CSV_COLUMNS, CSV_TAG_SEPARATOR, PROVIDERS, providerUrl, type BlocklistEntry, type FileFormat } from '@ndith/contracts'

/** The entry's best link for re-import: the first provider it has an id for. */
export function linkOf(entry: Pick<BlocklistEntry, 'artist'>): string {
  const provider = PROVIDERS.find((p) => entry.artist.externalIds[p])
  return provider ? providerUrl(provider, entry.artist.externalIds[provider]!) : ''
}

export interface ExportFile {
  filename: string
  contentType: string
  body: string
}

/** The list as a file that imports back to the same list (pure: the service reads the entries). */
export function blocklistFile(entries: BlocklistEntry[], format: FileFormat, now: Date): ExportFile {
  const stamp = now.toISOString().slice(0, 10)
  if (format === 'csv') {
    const rows = entries.map((e) => [e.artist.name, linkOf(e), e.tags.join(CSV_TAG_SEPARATOR), e.note ?? '', e.createdAt])
    return { filename: `do-not-play-${stamp}.csv`, contentType: 'text/csv; charset=utf-8', body: stringify([[...CSV_COLUMNS], ...rows], { escape_formulas: true }) }
  }
  const body = {
    exportedAt: now.toISOString(),
    entries: entries.map((e) => ({ name: e.artist.name, url: linkOf(e) || null, externalIds: e.artist.externalIds, tags: e.tags, note: e.note, addedAt: e.createdAt })),
  }
  return { filename: `do-not-play-${stamp}.json`, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body, null, 2) }
}
