import { pageOf, pageWindow, type CreatePlanRequest, type EnforcementOptions, type EnforcementOptionsResponse, type EnforcementPlan, type PlanActionsQuery, type SkippedItemsQuery } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { AppError } from '../../lib/app-error.ts'
import { recordAudit, type RequestContext } from '../audit/audit-log.ts'
import { fingerprintPlanInputs } from './fingerprint.ts'
import { loadBlocklist, loadSnapshot } from './inputs.ts'
import { toPlan, toPlanAction, toSkipped } from './mapping.ts'
import { CATEGORY_OF, CATEGORY_OF_ACTION, withPlanDefaults } from './planner-options.ts'
import { planEnforcement, summarizePlan } from './planner.ts'
import type { EffectiveBlocklist, LibrarySnapshot, PlannedAction, PlanOptions } from './planner-types.ts'
import * as repo from './repository.ts'
import type { StoredAction } from './run-items.ts'
import type { PlanRow } from './tables.ts'

export interface PlanServiceDeps {
  db: Db
  clock: () => Date
}

const toContractOptions = (options: PlanOptions): EnforcementOptions => ({
  includeFeatured: options.includeFeatured,
  categories: { ...options.categories },
  exceptions: { artistIds: [...options.exceptions.artistIds], trackUris: [...options.exceptions.trackUris], playlistIds: [...options.exceptions.playlistIds] },
})

/** The item's added date, found by what the action names (kind, URI, playlist). */
function addedDates(snapshot: LibrarySnapshot) {
  const dates = new Map<string, string | null>()
  for (const item of snapshot.items) {
    const key = `${item.kind}|${item.playlistId ?? ''}|${item.uri}`
    if (!dates.has(key)) dates.set(key, item.addedAt ?? null)
  }
  return dates
}

const KIND_OF_ACTION = { remove_saved_track: 'saved_track', remove_saved_album: 'saved_album', unfollow_artist: 'followed_artist', remove_playlist_item: 'playlist_item' } as const

/**
 * Options remembered per listener, and plans: the pure planner run on the connection's current
 * snapshot, the effective blocklist now and the options, stored with its fingerprint so it can be
 * read again, paged, and checked for staleness before it runs.
 */
export function planService(deps: PlanServiceDeps) {
  const { db } = deps

  async function ownedPlan(userId: string, planId: string): Promise<PlanRow> {
    const plan = await repo.findPlan(db, userId, planId)
    if (!plan) throw new AppError('NOT_FOUND', 'No such plan')
    return plan
  }

  async function options(userId: string): Promise<EnforcementOptionsResponse> {
    const row = await repo.findOptions(db, userId)
    return { options: toContractOptions(withPlanDefaults(row?.options)), updatedAt: row?.updated_at.toISOString() ?? null }
  }

  return {
    options,

    async updateOptions(userId: string, input: EnforcementOptions, ctx: RequestContext): Promise<EnforcementOptionsResponse> {
      const clean = toContractOptions(withPlanDefaults(input))
      const row = await db.transaction().execute(async (trx) => {
        const saved = await repo.saveOptions(trx, userId, clean, deps.clock())
        await recordAudit(trx, ctx, { actorId: userId, action: 'enforcement.options_updated', subjectType: 'user', subjectId: userId, after: clean })
        return saved
      })
      return { options: clean, updatedAt: row.updated_at.toISOString() }
    },

    /** Plans from the connection's current snapshot; 409 before a scan completed. */
    async createPlan(userId: string, connectionId: string, request: CreatePlanRequest, ctx: RequestContext): Promise<EnforcementPlan> {
      const connection = await repo.ownedConnection(db, userId, connectionId)
      if (!connection) throw new AppError('NOT_FOUND', 'No such connection')
      if (!connection.current_scan_id || !connection.last_scanned_at) throw new AppError('CONFLICT', 'Scan the library first: a plan is made from the latest scan')
      const chosen = withPlanDefaults(request.options ?? (await options(userId)).options)
      const [snapshot, blocklist] = await Promise.all([loadSnapshot(db, connection.current_scan_id, connection.last_scanned_at), loadBlocklist(db, userId)])
      const row = await storePlan(deps, { userId, connectionId, scanId: connection.current_scan_id, scannedAt: connection.last_scanned_at }, snapshot, blocklist, chosen, ctx)
      return toPlan(row, null)
    },

    async plan(userId: string, planId: string): Promise<EnforcementPlan> {
      const row = await ownedPlan(userId, planId)
      return toPlan(row, await repo.latestRunOfPlan(db, planId))
    },

    async actions(userId: string, planId: string, query: PlanActionsQuery) {
      const row = await ownedPlan(userId, planId)
      const window = pageWindow(query)
      const all = row.actions.map((a, index) => ({ a, index })).filter(({ a }) => !query.category || CATEGORY_OF_ACTION[a.kind] === query.category)
      return pageOf(all.slice(window.offset, window.offset + window.limit).map(({ a, index }) => toPlanAction(a, index, row.playlists)), all.length, window)
    },

    async skipped(userId: string, planId: string, query: SkippedItemsQuery) {
      const row = await ownedPlan(userId, planId)
      const window = pageWindow(query)
      const all = row.skipped.filter((s) => (!query.category || CATEGORY_OF[s.kind] === query.category) && (!query.code || s.code === query.code))
      return pageOf(all.slice(window.offset, window.offset + window.limit).map((s) => toSkipped(s, row.playlists)), all.length, window)
    },

    ownedPlan,
  }
}

/** Which planned actions a stored plan keeps (keep-enforced keeps only those for newly listed artists). */
export type ActionFilter = (actions: readonly PlannedAction[]) => PlannedAction[]

/**
 * Plans and stores the plan (audited). A filter narrows the actions; the fingerprint stays that of the
 * inputs, so a narrowed plan is stale exactly when the full one would be.
 */
export async function storePlan(
  deps: PlanServiceDeps,
  target: { userId: string; connectionId: string; scanId: string; scannedAt: Date },
  snapshot: LibrarySnapshot, blocklist: EffectiveBlocklist, chosen: PlanOptions, ctx: RequestContext, filter?: ActionFilter,
): Promise<PlanRow> {
  const { userId, connectionId } = target
  const full = planEnforcement(snapshot, blocklist, chosen)
  const kept = filter ? filter(full.actions) : full.actions
  const plan = filter ? { ...full, actions: kept, summary: summarizePlan(kept, full.skipped) } : full
  const dates = addedDates(snapshot)
  const actions: StoredAction[] = plan.actions.map((a) => ({ ...a, addedAt: dates.get(`${KIND_OF_ACTION[a.kind]}|${a.playlistId ?? ''}|${a.uri}`) ?? null }))
  const playlists = snapshot.playlists.map((p) => ({ id: p.id, name: p.name, snapshotId: p.snapshotId }))
  return deps.db.transaction().execute(async (trx) => {
    const inserted = await trx.insertInto('enforcement_plans').values({
      user_id: userId, connection_id: connectionId, scan_id: target.scanId, fingerprint: plan.fingerprint,
      options: JSON.stringify(toContractOptions(chosen)), summary: JSON.stringify(plan.summary), playlists: JSON.stringify(playlists),
      actions: JSON.stringify(actions), skipped: JSON.stringify(plan.skipped), scanned_at: target.scannedAt,
    }).returningAll().executeTakeFirstOrThrow()
    await recordAudit(trx, ctx, {
      actorId: userId, action: 'enforcement.planned', subjectType: 'connection', subjectId: connectionId,
      after: { planId: inserted.id, actions: plan.summary.actions, byCategory: plan.summary.byCategory, skipped: plan.summary.skipped.total, ...(filter ? { automatic: true } : {}) },
    })
    return inserted
  })
}

/** Whether a plan still describes the library and the list as they are now (its fingerprint, recomputed). */
export async function planStillCurrent(db: Db, plan: PlanRow): Promise<boolean> {
  const connection = await repo.findConnection(db, plan.connection_id)
  if (!connection?.current_scan_id || !connection.last_scanned_at) return false
  const [snapshot, blocklist] = await Promise.all([loadSnapshot(db, connection.current_scan_id, connection.last_scanned_at), loadBlocklist(db, plan.user_id)])
  return fingerprintPlanInputs(snapshot, blocklist, withPlanDefaults(plan.options)) === plan.fingerprint
}

export type PlanService = ReturnType<typeof planService>
