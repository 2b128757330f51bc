import {
  pageWindow,
  type CommunityListDiff,
  type CommunityListVersion,
  type CommunityListVersionDetail,
  type CommunityListVersionPage,
  type PageRequest,
  type PublishRequest,
} from '@ndith/contracts'
import type { Db } from '../../../db/database.ts'
import { AppError, validationError } from '../../../lib/app-error.ts'
import { recordAudit, type RequestContext } from '../../audit/audit-log.ts'
import { toArtist } from '../../artists/mapping.ts'
import { ownedListForUpdate, visibleList } from '../access.ts'
import { versionItems } from '../items/repository.ts'
import { updateList } from '../lists/repository.ts'
import { loadPage } from '../../../db/paging.ts'
import { toItem, toVersion } from '../mapping.ts'
import * as repo from './repository.ts'

const noSuchVersion = (version: number) => new AppError('NOT_FOUND', `This list has no version ${version}`)

export function communityVersionsService(db: Db, clock: () => Date) {
  async function visibleVersion(userId: string, listId: string, version: number) {
    await visibleList(db, listId, userId)
    const row = await repo.findVersion(db, listId, version)
    if (!row) throw noSuchVersion(version)
    return row
  }

  return {
    /**
     * Snapshots the draft as the next numbered version. The list row stays locked until commit,
     * so concurrent publishes take turns: the first gets the number, the next finds nothing new.
     */
    async publish(userId: string, listId: string, input: PublishRequest, ctx: RequestContext): Promise<CommunityListVersion> {
      const changelog = input.changelog?.trim() || null
      return db.transaction().execute(async (trx) => {
        const list = await ownedListForUpdate(trx, listId, userId)
        const current = list.current_version
        if (!(await repo.draftDiffersFromVersion(trx, listId, current))) {
          throw new AppError('CONFLICT', current === null ? 'Add at least one artist before publishing' : `Nothing changed since version ${current}`)
        }
        const now = clock()
        const row = await repo.insertVersionFromDraft(trx, {
          list_id: listId,
          version: (current ?? 0) + 1,
          changelog,
          item_count: await repo.countDraftItems(trx, listId),
          published_by: userId,
          published_at: now,
        })
        await updateList(trx, listId, { current_version: row.version, updated_at: now })
        const version = toVersion(row)
        await recordAudit(trx, ctx, {
          actorId: userId,
          action: 'community_list.published',
          subjectType: 'community_list',
          subjectId: listId,
          before: { version: current },
          after: { listName: list.name, version: version.version, itemCount: version.itemCount, changelog },
        })
        return version
      })
    },

    async list(userId: string, listId: string, query: PageRequest = {}): Promise<CommunityListVersionPage> {
      await visibleList(db, listId, userId)
      return loadPage((l, o) => repo.listVersions(db, listId, l, o), toVersion, pageWindow(query))
    },

    async get(userId: string, listId: string, version: number, query: PageRequest = {}): Promise<CommunityListVersionDetail> {
      const row = await visibleVersion(userId, listId, version)
      return { version: toVersion(row), ...(await loadPage((l, o) => versionItems(db, row.id, l, o), toItem, pageWindow(query))) }
    },

    /** What a version added, removed and changed against an earlier one (by default the previous). */
    async diff(userId: string, listId: string, version: number, from?: number): Promise<CommunityListDiff> {
      const target = await visibleVersion(userId, listId, version)
      const fromVersion = from ?? version - 1
      if (fromVersion >= version) throw validationError([{ field: 'from', code: 'maximum', message: `Compare with a version before ${version}` }])
      const base = fromVersion === 0 ? null : await repo.findVersion(db, listId, fromVersion)
      if (fromVersion !== 0 && !base) throw noSuchVersion(fromVersion)
      const rows = await repo.diffVersions(db, target.id, base?.id ?? null)
      const diff: CommunityListDiff = { listId, version, fromVersion, added: [], removed: [], changed: [] }
      for (const row of rows) {
        const artist = toArtist(row)
        const before = { rationale: row.old_rationale ?? '', evidenceUrl: row.old_evidence_url }
        const after = { rationale: row.new_rationale ?? '', evidenceUrl: row.new_evidence_url }
        const addedAt = row.added_at.toISOString()
        if (row.kind === 'added') diff.added.push({ artist, ...after, addedAt })
        else if (row.kind === 'removed') diff.removed.push({ artist, ...before, addedAt })
        else diff.changed.push({ artist, before, after })
      }
      return diff
    },
  }
}

export type CommunityVersionsService = ReturnType<typeof communityVersionsService>
