import { stringify } from 'csv-stringify/sync'
import type { EffectiveEntry, EffectiveSource, FileFormat } from '@ndith/contracts'
import { linkOf, type ExportFile } from '../../blocklist/export.ts'

const sourceName = (source: EffectiveSource) => (source.type === 'personal' ? 'My list' : `${source.listName} (v${source.version})`)

/** The effective list as a file: each artist once, with where it comes from (pure). */
export function effectiveFile(entries: EffectiveEntry[], format: FileFormat, now: Date): ExportFile {
  const stamp = now.toISOString().slice(0, 10)
  if (format === 'csv') {
    const rows = entries.map((e) => [e.artist.name, linkOf(e), e.sources.map(sourceName).join('; ')])
    return { filename: `effective-list-${stamp}.csv`, contentType: 'text/csv; charset=utf-8', body: stringify([['name', 'url', 'sources'], ...rows], { escape_formulas: true }) }
  }
  const body = {
    exportedAt: now.toISOString(),
    total: entries.length,
    entries: entries.map((e) => ({ name: e.artist.name, url: linkOf(e) || null, externalIds: e.artist.externalIds, sources: e.sources })),
  }
  return { filename: `effective-list-${stamp}.json`, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body, null, 2) }
}
