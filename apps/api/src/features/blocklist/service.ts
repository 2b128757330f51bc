import {
  normalizeTags,
  pageWindow,
  type AddBlocklistEntryRequest,
  type AddBlocklistEntryResponse,
  type BlocklistEntry,
  type BlocklistPage,
  type BlocklistQuery,
  type FileFormat,
  type UpdateBlocklistEntryRequest,
} from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { AppError, validationError } from '../../lib/app-error.ts'
import { recordAudit, type RequestContext } from '../audit/audit-log.ts'
import type { ArtistCatalog } from '../artists/service.ts'
import { blocklistFile, type ExportFile } from './export.ts'
import { normalizeNote, toEntry } from './mapping.ts'
import { readList } from './list-query.ts'
import * as repo from './repository.ts'

const notFound = () => new AppError('NOT_FOUND', 'No such entry on your list')
const auditView = (entry: BlocklistEntry) => ({ artistId: entry.artist.id, artistName: entry.artist.name, tags: entry.tags, note: entry.note })

/** The personal Do-Not-Play list: every read and write is scoped to the signed-in user. */
export function blocklistService(db: Db, catalog: ArtistCatalog, clock: () => Date) {
  return {
    async list(userId: string, query: BlocklistQuery): Promise<BlocklistPage> {
      const window = pageWindow(query)
      const read = await readList(db, userId, query, window)
      // The route leaves the account check to this read (one round trip instead of two).
      if (!read.account) throw new AppError('UNAUTHENTICATED')
      const total = read.total ?? (await repo.countEntries(db, userId, query))
      return { items: read.rows.map(toEntry), total, ...window, tags: read.tags }
    },

    /** The whole list as a CSV or JSON file, by artist name. */
    async export(userId: string, format: FileFormat): Promise<ExportFile> {
      return blocklistFile((await repo.allEntries(db, userId)).map(toEntry), format, clock())
    },

    async add(userId: string, input: AddBlocklistEntryRequest, ctx: RequestContext): Promise<AddBlocklistEntryResponse> {
      if (Boolean(input.artistId) === Boolean(input.url)) {
        throw validationError([{ field: 'artistId', code: 'one-of', message: 'Give either an artist from the catalog or a provider link' }])
      }
      const artist = input.artistId ? await catalog.get(input.artistId) : await catalog.resolve(input.url!)
      return db.transaction().execute(async (trx) => {
        const id = await repo.insertEntry(trx, userId, artist.id, normalizeTags(input.tags), normalizeNote(input.note))
        const entry = toEntry((await repo.findEntryByArtist(trx, userId, artist.id))!)
        if (id) await recordAudit(trx, ctx, { actorId: userId, action: 'blocklist.entry_added', subjectType: 'blocklist_entry', subjectId: id, after: auditView(entry) })
        return { entry, created: Boolean(id) }
      })
    },

    async update(userId: string, entryId: string, input: UpdateBlocklistEntryRequest, ctx: RequestContext): Promise<BlocklistEntry> {
      return db.transaction().execute(async (trx) => {
        const before = await repo.findEntry(trx, userId, entryId)
        if (!before) throw notFound()
        await repo.updateEntry(trx, userId, entryId, {
          ...(input.tags !== undefined ? { tags: normalizeTags(input.tags) } : {}),
          ...(input.note !== undefined ? { note: normalizeNote(input.note) } : {}),
        })
        const after = toEntry((await repo.findEntry(trx, userId, entryId))!)
        await recordAudit(trx, ctx, { actorId: userId, action: 'blocklist.entry_updated', subjectType: 'blocklist_entry', subjectId: entryId, before: auditView(toEntry(before)), after: auditView(after) })
        return after
      })
    },

    /** Returns the removed entry so the client can offer undo (re-adding it with its tags and note). */
    async remove(userId: string, entryId: string, ctx: RequestContext): Promise<BlocklistEntry> {
      return db.transaction().execute(async (trx) => {
        const row = await repo.findEntry(trx, userId, entryId)
        if (!row) throw notFound()
        await repo.deleteEntry(trx, userId, entryId)
        const entry = toEntry(row)
        await recordAudit(trx, ctx, { actorId: userId, action: 'blocklist.entry_removed', subjectType: 'blocklist_entry', subjectId: entryId, before: auditView(entry) })
        return entry
      })
    },
  }
}

export type BlocklistService = ReturnType<typeof blocklistService>
