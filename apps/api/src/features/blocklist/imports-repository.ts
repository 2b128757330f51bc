import type { FileFormat, ImportRow } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'

/** Stores a previewed import: its rows as matched, and the count per status. */
export const insertImport = (db: Db, userId: string, format: FileFormat, rows: ImportRow[], summary: Record<string, number>) =>
  db
    .insertInto('blocklist_imports')
    .values({ user_id: userId, format, rows: JSON.stringify(rows), summary: JSON.stringify(summary) })
    .returningAll()
    .executeTakeFirstOrThrow()

/** The user's own import; anyone else's is as missing as one that does not exist. */
export const findImport = (db: Db, userId: string, importId: string) =>
  db.selectFrom('blocklist_imports').selectAll().where('id', '=', importId).where('user_id', '=', userId).executeTakeFirst()

/** The same, locked until the transaction ends, so one import is confirmed once. */
export const findImportForUpdate = (db: Db, userId: string, importId: string) =>
  db.selectFrom('blocklist_imports').selectAll().where('id', '=', importId).where('user_id', '=', userId).forUpdate().executeTakeFirst()

export const markImportConfirmed = (db: Db, importId: string, at: Date) =>
  db.updateTable('blocklist_imports').set({ status: 'confirmed', confirmed_at: at }).where('id', '=', importId).execute()

export type ImportRecord = NonNullable<Awaited<ReturnType<typeof findImport>>>
