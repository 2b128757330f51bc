import { evidenceUrlProblem, pageOf, pageWindow, type PageRequest, type AddCommunityListItemRequest, type Artist, type CommunityListItem, type CommunityListItemPage, type FieldError, type UpdateCommunityListItemRequest } from '@ndith/contracts'
import type { Db } from '../../../db/database.ts'
import { AppError, validationError } from '../../../lib/app-error.ts'
import { recordAudit, type RequestContext } from '../../audit/audit-log.ts'
import type { ArtistCatalog } from '../../artists/service.ts'
import { ownedList, ownedListForUpdate, visibleList } from '../access.ts'
import * as repo from './repository.ts'
import { loadPage } from '../../../db/paging.ts'
import { toItem } from '../mapping.ts'
import { findVersion } from '../versions/repository.ts'

const notOnDraft = () => new AppError('NOT_FOUND', 'This artist is not on the list')
const auditView = (item: CommunityListItem, listName: string) => ({
  listName,
  artistId: item.artist.id,
  artistName: item.artist.name,
  rationale: item.rationale,
  evidenceUrl: item.evidenceUrl,
})

/** Trims the rationale and checks the evidence link; every problem is reported at once. */
function checkItemText(input: { rationale?: string | undefined; evidenceUrl?: string | null | undefined }) {
  const fields: FieldError[] = []
  const rationale = input.rationale?.trim()
  if (rationale === '') fields.push({ field: 'rationale', code: 'min-length', message: 'Say why this artist belongs on the list' })
  const evidenceUrl = input.evidenceUrl?.trim()
  const problem = evidenceUrl ? evidenceUrlProblem(evidenceUrl) : undefined
  if (problem) fields.push({ field: 'evidenceUrl', code: 'url', message: problem })
  if (fields.length) throw validationError(fields)
  // A blank evidence link means "none", on add and on edit alike.
  return { rationale, evidenceUrl: input.evidenceUrl === undefined ? undefined : evidenceUrl || null }
}

export function communityItemsService(db: Db, catalog: ArtistCatalog, clock: () => Date) {
  return {
    /** The owner sees the working draft; everyone else the current published version. */
    async list(userId: string, listId: string, query: PageRequest = {}): Promise<CommunityListItemPage> {
      const window = pageWindow(query)
      const list = await visibleList(db, listId, userId)
      if (list.owner_id === userId) {
        const draft = await loadPage((l, o) => repo.draftItems(db, listId, l, o), toItem, window)
        return { ...draft, version: null, draft: true }
      }
      const version = list.current_version === null ? undefined : await findVersion(db, listId, list.current_version)
      const published = version ? await loadPage((l, o) => repo.versionItems(db, version.id, l, o), toItem, window) : pageOf([], 0, window)
      return { ...published, version: list.current_version, draft: false }
    },

    async add(userId: string, listId: string, input: AddCommunityListItemRequest, ctx: RequestContext): Promise<CommunityListItem> {
      if (Boolean(input.artistId) === Boolean(input.url)) {
        throw validationError([{ field: 'artistId', code: 'one-of', message: 'Give either an artist from the catalog or a provider link' }])
      }
      const text = checkItemText(input)
      // Who may change the list is settled before a URL makes the catalog ask a provider.
      await ownedList(db, listId, userId)
      const artist: Artist = input.artistId ? await catalog.get(input.artistId) : await catalog.resolve(input.url!)
      return db.transaction().execute(async (trx) => {
        const list = await ownedListForUpdate(trx, listId, userId)
        const added = await repo.insertDraftItem(trx, {
          list_id: listId,
          artist_id: artist.id,
          rationale: text.rationale!,
          evidence_url: text.evidenceUrl ?? null,
          added_at: clock(),
        })
        if (!added) throw new AppError('CONFLICT', `${artist.name} is already on this list`)
        const item = toItem((await repo.findDraftItem(trx, listId, artist.id))!)
        await recordAudit(trx, ctx, { actorId: userId, action: 'community_list.item_added', subjectType: 'community_list', subjectId: listId, after: auditView(item, list.name) })
        return item
      })
    },

    async update(userId: string, listId: string, artistId: string, input: UpdateCommunityListItemRequest, ctx: RequestContext): Promise<CommunityListItem> {
      const text = checkItemText(input)
      return db.transaction().execute(async (trx) => {
        const list = await ownedListForUpdate(trx, listId, userId)
        const before = await repo.findDraftItem(trx, listId, artistId)
        if (!before) throw notOnDraft()
        await repo.updateDraftItem(trx, listId, artistId, {
          ...(text.rationale !== undefined ? { rationale: text.rationale } : {}),
          ...(text.evidenceUrl !== undefined ? { evidence_url: text.evidenceUrl } : {}),
        })
        const item = toItem((await repo.findDraftItem(trx, listId, artistId))!)
        await recordAudit(trx, ctx, {
          actorId: userId,
          action: 'community_list.item_updated',
          subjectType: 'community_list',
          subjectId: listId,
          before: auditView(toItem(before), list.name),
          after: auditView(item, list.name),
        })
        return item
      })
    },

    /** Returns the removed item so a client can offer undo (adding it back with its rationale). */
    async remove(userId: string, listId: string, artistId: string, ctx: RequestContext): Promise<CommunityListItem> {
      return db.transaction().execute(async (trx) => {
        const list = await ownedListForUpdate(trx, listId, userId)
        const row = await repo.findDraftItem(trx, listId, artistId)
        if (!row) throw notOnDraft()
        await repo.deleteDraftItem(trx, listId, artistId)
        const item = toItem(row)
        await recordAudit(trx, ctx, { actorId: userId, action: 'community_list.item_removed', subjectType: 'community_list', subjectId: listId, before: auditView(item, list.name) })
        return item
      })
    },
  }
}

export type CommunityItemsService = ReturnType<typeof communityItemsService>
