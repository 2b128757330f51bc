import {
  pageOf,
  pageWindow,
  type EffectiveBlocklistExportQuery,
  type EffectiveBlocklistPage,
  type EffectiveBlocklistQuery,
  type ListSubscription,
  type PageRequest,
  type SubscribeRequest,
  type SubscriptionPage,
  type SubscriptionPreview,
} from '@ndith/contracts'
import type { Db } from '../../../db/database.ts'
import { AppError, validationError } from '../../../lib/app-error.ts'
import { recordAudit, type RequestContext } from '../../audit/audit-log.ts'
import { visibleList } from '../access.ts'
import { findList } from '../lists/repository.ts'
import { effectiveBlocklist, effectiveCounts, previewAdditions, previewCounts } from './effective-repository.ts'
import { effectiveFile } from './effective-export.ts'
import { loadPage } from '../../../db/paging.ts'
import { toArtist } from '../../artists/mapping.ts'
import { toItem, toSubscription } from '../mapping.ts'
import * as repo from './repository.ts'
import { findVersion } from '../versions/repository.ts'

const unpublished = () => new AppError('CONFLICT', 'This list has not published a version yet')
const notSubscribed = () => new AppError('NOT_FOUND', 'You are not subscribed to this list')
const unknownVersion = (version: number) =>
  validationError([{ field: 'version', code: 'unknown-version', message: `This list has no version ${version}` }])
const auditView = (row: { pinned_version: number | null; accepted_version: number }, listName: string | undefined) => ({
  listName,
  mode: row.pinned_version === null ? 'auto' : 'pinned',
  pinnedVersion: row.pinned_version,
  acceptedVersion: row.accepted_version,
})

/** A visible list that has published at least one version (its current version number). */
async function publishedList(db: Db, listId: string, userId: string) {
  const list = await visibleList(db, listId, userId)
  if (list.current_version === null) throw unpublished()
  return { ...list, current_version: list.current_version }
}

export function communitySubscriptionsService(db: Db, clock: () => Date) {
  async function current(trx: Db, userId: string, listId: string): Promise<ListSubscription> {
    return toSubscription((await repo.findSubscription(trx, userId, listId))!)
  }

  return {
    /**
     * Subscribes, or changes an existing subscription. Pinned: to `version` (default: current).
     * Auto-update: from the current version on; a later version counts once accepted. Asking for
     * auto-update again keeps the accepted version, so it never skips an unseen diff.
     */
    async subscribe(userId: string, listId: string, input: SubscribeRequest, ctx: RequestContext): Promise<{ subscription: ListSubscription; created: boolean }> {
      if (input.mode === 'auto' && input.version !== undefined) {
        throw validationError([{ field: 'version', code: 'not-allowed', message: 'Only a pinned subscription takes a version' }])
      }
      return db.transaction().execute(async (trx) => {
        const list = await publishedList(trx, listId, userId)
        const target = input.mode === 'pinned' ? (input.version ?? list.current_version) : list.current_version
        if (!(await findVersion(trx, listId, target))) throw unknownVersion(target)
        const now = clock()
        const before = await repo.findSubscriptionForUpdate(trx, userId, listId)
        if (!before) {
          const values = { pinned_version: input.mode === 'pinned' ? target : null, accepted_version: target }
          const inserted = await repo.insertSubscription(trx, { user_id: userId, list_id: listId, ...values, created_at: now, updated_at: now })
          if (!inserted) throw new AppError('CONFLICT', 'Your subscription changed at the same time; reload and try again')
          await recordAudit(trx, ctx, { actorId: userId, action: 'subscription.created', subjectType: 'community_list', subjectId: listId, after: auditView(values, list.name) })
          return { subscription: await current(trx, userId, listId), created: true }
        }
        const unchanged = input.mode === 'auto' ? before.pinned_version === null : before.pinned_version === target
        if (unchanged) return { subscription: await current(trx, userId, listId), created: false }
        const values = { pinned_version: input.mode === 'pinned' ? target : null, accepted_version: target }
        await repo.updateSubscription(trx, userId, listId, { ...values, updated_at: now })
        await recordAudit(trx, ctx, {
          actorId: userId,
          action: 'subscription.updated',
          subjectType: 'community_list',
          subjectId: listId,
          before: auditView(before, list.name),
          after: auditView(values, list.name),
        })
        return { subscription: await current(trx, userId, listId), created: false }
      })
    },

    /** Removes the caller's own subscription, even to a list its owner has since made private. */
    async unsubscribe(userId: string, listId: string, ctx: RequestContext): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const removed = await repo.deleteSubscription(trx, userId, listId)
        if (!removed) throw notSubscribed()
        const list = await findList(trx, listId)
        await recordAudit(trx, ctx, { actorId: userId, action: 'subscription.removed', subjectType: 'community_list', subjectId: listId, before: auditView(removed, list?.name) })
      })
    },

    /** An auto-update subscriber accepts a newer version (after seeing its diff); only then it counts. */
    async accept(userId: string, listId: string, version: number, ctx: RequestContext): Promise<ListSubscription> {
      return db.transaction().execute(async (trx) => {
        const list = await publishedList(trx, listId, userId)
        const before = await repo.findSubscriptionForUpdate(trx, userId, listId)
        if (!before) throw notSubscribed()
        if (before.pinned_version !== null) {
          throw new AppError('CONFLICT', `This subscription is pinned to version ${before.pinned_version}; switch it to auto-update to accept new versions`)
        }
        if (!(await findVersion(trx, listId, version))) throw unknownVersion(version)
        if (version < before.accepted_version) throw new AppError('CONFLICT', `Version ${version} is older than the accepted version ${before.accepted_version}`)
        if (version === before.accepted_version) return current(trx, userId, listId)
        await repo.updateSubscription(trx, userId, listId, { pinned_version: null, accepted_version: version, updated_at: clock() })
        await recordAudit(trx, ctx, {
          actorId: userId,
          action: 'subscription.accepted',
          subjectType: 'community_list',
          subjectId: listId,
          before: auditView(before, list.name),
          after: auditView({ pinned_version: null, accepted_version: version }, list.name),
        })
        return current(trx, userId, listId)
      })
    },

    async mine(userId: string, query: PageRequest = {}): Promise<SubscriptionPage> {
      return loadPage((l, o) => repo.listSubscriptions(db, userId, l, o), toSubscription, pageWindow(query))
    },

    /** What subscribing at the current version would add to the caller's effective blocklist. */
    async preview(userId: string, listId: string, query: PageRequest = {}): Promise<SubscriptionPreview> {
      const window = pageWindow(query)
      const list = await publishedList(db, listId, userId)
      const version = (await findVersion(db, listId, list.current_version))!
      const [counts, rows] = await Promise.all([
        previewCounts(db, userId, version.id),
        previewAdditions(db, userId, version.id, window.limit, window.offset),
      ])
      return {
        ...pageOf(rows.map(toItem), counts.added, window),
        listId,
        version: version.version,
        itemCount: version.item_count,
        addedCount: counts.added,
        alreadyCoveredCount: counts.covered,
      }
    },

    /**
     * The caller's effective blocklist: personal entries ∪ every subscribed list at its pinned or
     * accepted version, one entry per artist with where it comes from. What enforcement consumes.
     */
    async effective(userId: string, query: EffectiveBlocklistQuery): Promise<EffectiveBlocklistPage> {
      const fetch = (limit: number, offset: number) => effectiveBlocklist(db, userId, { q: query.q, source: query.source, limit, offset })
      const [page, counts] = await Promise.all([
        loadPage(fetch, (row) => ({ artist: toArtist(row), sources: row.sources }), pageWindow(query)),
        effectiveCounts(db, userId),
      ])
      return { ...page, ...counts }
    },

    /** The whole effective list (or one source of it) as a CSV or JSON file. */
    async exportEffective(userId: string, query: EffectiveBlocklistExportQuery) {
      const rows = await effectiveBlocklist(db, userId, { source: query.source })
      return effectiveFile(rows.map((row) => ({ artist: toArtist(row), sources: row.sources })), query.format ?? 'json', clock())
    },
  }
}

export type CommunitySubscriptionsService = ReturnType<typeof communitySubscriptionsService>
