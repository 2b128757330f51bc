import type { ImportConfirmRequest, ImportConfirmResponse, ImportPreview, ImportPreviewRequest, ImportRow } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { AppError, validationError } from '../../lib/app-error.ts'
import { recordAudit, type RequestContext } from '../audit/audit-log.ts'
import type { ImportConcurrency } from './import-concurrency.ts'
import { parseImport } from './import-parser.ts'
import { previewRows } from './import-preview.ts'
import * as imports from './imports-repository.ts'
import { insertEntries } from './repository.ts'

const notFound = () => new AppError('NOT_FOUND', 'No such import')

function summarize(rows: ImportRow[]): Record<string, number> {
  const summary: Record<string, number> = { will_add: 0, already_listed: 0, not_found: 0, ambiguous: 0, duplicate: 0, invalid: 0 }
  for (const row of rows) summary[row.status] = (summary[row.status] ?? 0) + 1
  return summary
}

/** The artist a confirmed row may add, or why it may not. */
function allowedArtist(row: ImportRow | undefined, artistId: string): string | undefined {
  if (!row) return 'No such row in this import'
  if (row.status === 'will_add') return row.artist?.id === artistId ? undefined : 'This row matched a different artist'
  if (row.status === 'ambiguous') return row.candidates.some((c) => c.id === artistId) ? undefined : 'Choose one of the row\'s candidates'
  return `A row marked ${row.status.replace('_', ' ')} cannot be imported`
}

// Previews stored before duplicates were combined and candidates marked lack those fields.
const withDefaults = (row: ImportRow): ImportRow => ({
  ...row,
  duplicateOf: row.duplicateOf ?? null,
  combinedRows: row.combinedRows ?? [],
  candidates: row.candidates.map((c) => ({ ...c, onList: c.onList ?? false })),
})

const toPreview = (row: imports.ImportRecord): ImportPreview => ({
  id: row.id,
  format: row.format,
  status: row.status,
  rows: (row.rows as ImportRow[]).map(withDefaults),
  summary: row.summary,
  createdAt: row.created_at.toISOString(),
})

/** Import in two steps: a stored preview the user reviews, then an all-or-nothing confirm. */
export function importService(db: Db, clock: () => Date, oneOfUsersImports: ImportConcurrency) {
  async function load(userId: string, importId: string) {
    const row = await imports.findImport(db, userId, importId)
    if (!row) throw notFound()
    return row
  }

  async function preview(userId: string, input: ImportPreviewRequest, ctx: RequestContext): Promise<ImportPreview> {
    const rows = await previewRows(db, userId, parseImport(input))
    const summary = summarize(rows)
    const stored = await db.transaction().execute(async (trx) => {
      const row = await imports.insertImport(trx, userId, input.format, rows, summary)
      await recordAudit(trx, ctx, { actorId: userId, action: 'blocklist.import_previewed', subjectType: 'blocklist_import', subjectId: row.id, after: { format: input.format, summary } })
      return row
    })
    return toPreview(stored)
  }

  function confirm(userId: string, importId: string, input: ImportConfirmRequest, ctx: RequestContext): Promise<ImportConfirmResponse> {
    return db.transaction().execute(async (trx) => {
      const stored = await imports.findImportForUpdate(trx, userId, importId)
      if (!stored) throw notFound()
      if (stored.status === 'confirmed') throw new AppError('CONFLICT', 'This import was already confirmed')
      const byIndex = new Map((stored.rows as ImportRow[]).map((r) => [r.index, r]))
      const seen = new Set<number>()
      const fields = input.rows.flatMap((choice, i) => {
        const reason = seen.has(choice.index) ? 'This row is listed twice' : allowedArtist(byIndex.get(choice.index), choice.artistId)
        seen.add(choice.index)
        return reason ? [{ field: `rows.${i}`, code: 'not-importable', message: `Row ${choice.index}: ${reason}` }] : []
      })
      // All or nothing: one bad confirmed row and nothing is added.
      if (fields.length) throw validationError(fields)

      const rows = input.rows.map((c) => ({ artistId: c.artistId, tags: byIndex.get(c.index)!.input.tags, note: byIndex.get(c.index)!.input.note }))
      const added = await insertEntries(trx, userId, rows)
      await imports.markImportConfirmed(trx, importId, clock())
      const result = { added, alreadyListed: rows.length - added }
      await recordAudit(trx, ctx, { actorId: userId, action: 'blocklist.imported', subjectType: 'blocklist_import', subjectId: importId, after: { ...result, artistIds: rows.map((r) => r.artistId) } })
      return result
    })
  }

  // Previews and confirms are the heavy requests: each user runs only a few at a time.
  return {
    preview: (userId: string, input: ImportPreviewRequest, ctx: RequestContext) => oneOfUsersImports(userId, () => preview(userId, input, ctx)),
    get: async (userId: string, importId: string) => toPreview(await load(userId, importId)),
    confirm: (userId: string, importId: string, input: ImportConfirmRequest, ctx: RequestContext) => oneOfUsersImports(userId, () => confirm(userId, importId, input, ctx)),
  }
}

export type ImportService = ReturnType<typeof importService>
