import { sql } from 'kysely'
import type { KeepEnforced, KeepEnforcedRequest } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import type { JobRunner } from '../../jobs/runner.ts'
import { AppError } from '../../lib/app-error.ts'
import { recordAudit, type RequestContext } from '../audit/audit-log.ts'
import { loadBlocklist, loadSnapshot } from './inputs.ts'
import { withPlanDefaults } from './planner-options.ts'
import type { BlockedArtist, PlannedAction } from './planner-types.ts'
import { activeScan } from '../library/repository.ts'
import * as repo from './repository.ts'
import type { RunService } from './runs.ts'
import { storePlan, type PlanService } from './service.ts'

/** One queue for every provider: the job only plans and starts a run; the run goes through the provider's queue. */
export const KEEP_ENFORCED_QUEUE = 'keep-enforced'
/** One job per connection: a burst of list changes while one waits is handled by that one job. */
const keepJobId = (connectionId: string) => `keep-${connectionId}`
export const DEFAULT_DAILY_LIMIT = 200

export interface KeepEnforcedDeps {
  db: Db
  jobs: JobRunner
  clock: () => Date
  plans: PlanService
  runs: RunService
  /** Queues a scan of the account (one at a time): after a run changed a playlist, the next plan needs one. */
  startScan: (userId: string, connectionId: string, ctx: RequestContext) => Promise<unknown>
  onEnqueueFailed?: (connectionId: string, error: unknown) => void
}

/** What the automatic work records as the actor's context (no request behind it). */
const systemContext = (connectionId: string): RequestContext => ({ requestId: `keep-enforced:${connectionId}`, ip: null, userAgent: 'keep-enforced' })

const startOfUtcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))

/** "Drake added to your list", "A, B and 3 more added by the community list \"X\"" (a subscription or an accepted update). */
export function describeChange(added: readonly BlockedArtist[]): string {
  const names = added.map((a) => a.name)
  const shown = names.length > 3 ? `${names.slice(0, 2).join(', ')} and ${names.length - 2} more` : names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
  const lists = [...new Set(added.flatMap((a) => a.sources.flatMap((s) => (s.type === 'list' ? [s.listName] : []))))]
  const personal = added.some((a) => a.sources.some((s) => s.type === 'personal'))
  const where = !personal && lists.length === 1 ? `by the community list "${lists[0]}"` : 'to your list'
  return `${shown} added ${where}`
}

/**
 * Keep it enforced: per connection, opted in. When the effective list changes, a job per connection
 * (coalescing bursts) plans from the latest scan with the listener's options, keeps only the actions
 * for artists that were not listed when the account was last enforced, caps them at the connection's
 * daily limit, and starts an ordinary run marked automatic. A change that cannot be handled now (a run
 * in progress, the day's quota used) stays pending; the sweep tries again.
 */
export function keepEnforcedService(deps: KeepEnforcedDeps) {
  const { db } = deps
  const enqueue = (connectionId: string) =>
    deps.jobs.enqueue(KEEP_ENFORCED_QUEUE, keepJobId(connectionId), { connectionId }).catch((error: unknown) => deps.onEnqueueFailed?.(connectionId, error))

  const view = (row: { id: string; keep_enforced: boolean; keep_daily_limit: number; keep_updated_at: Date | null }): KeepEnforced =>
    ({ connectionId: row.id, enabled: row.keep_enforced, dailyLimit: row.keep_daily_limit, updatedAt: row.keep_updated_at?.toISOString() ?? null })

  const setting = (userId: string, connectionId: string) =>
    db.selectFrom('connections').select(['id', 'keep_enforced', 'keep_daily_limit', 'keep_updated_at']).where('id', '=', connectionId).where('user_id', '=', userId).executeTakeFirst()

  async function automaticToday(connectionId: string): Promise<number> {
    const row = await db.selectFrom('action_items as i').innerJoin('action_batches as b', 'b.id', 'i.batch_id')
      .select(sql<number>`count(*)::int`.as('n')).where('b.connection_id', '=', connectionId).where('b.automatic', '=', true)
      .where('b.created_at', '>=', startOfUtcDay(deps.clock())).executeTakeFirstOrThrow()
    return row.n
  }

  /** What runs since the scan already removed (the snapshot still lists it): never planned again. */
  async function doneSinceScan(connectionId: string, scannedAt: Date): Promise<Set<string>> {
    const rows = await db.selectFrom('action_items as i').innerJoin('action_batches as b', 'b.id', 'i.batch_id')
      .select(['i.action', 'i.container', 'i.entity_id']).where('b.connection_id', '=', connectionId).where('b.kind', '=', 'enforce')
      .where('b.created_at', '>=', scannedAt).where('i.status', '=', 'done').execute()
    return new Set(rows.map((r) => `${r.action}|${r.container}|${r.entity_id}`))
  }

  const settle = (connectionId: string, values: { keep_pending: boolean; enforced_artist_ids?: string }) =>
    db.updateTable('connections').set(values).where('id', '=', connectionId).execute()

  /** The job: handle what the list gained since the account was last enforced. */
  async function handle(connectionId: string): Promise<void> {
    const connection = await db.selectFrom('connections').select(['id', 'user_id', 'status', 'current_scan_id', 'last_scanned_at', 'keep_enforced', 'keep_daily_limit', 'enforced_artist_ids'])
      .where('id', '=', connectionId).executeTakeFirst()
    if (!connection?.keep_enforced) return
    if (connection.status !== 'active' || !connection.current_scan_id || !connection.last_scanned_at) return settle(connectionId, { keep_pending: false }).then(() => undefined)
    if (await repo.activeRun(db, connectionId)) return // stays pending: the sweep retries when the run is over
    if (await activeScan(db, connectionId)) return // likewise, planned from the new snapshot once it is done
    const userId = connection.user_id
    const [blocklist, snapshot, options] = await Promise.all([
      loadBlocklist(db, userId), loadSnapshot(db, connection.current_scan_id, connection.last_scanned_at), deps.plans.options(userId),
    ])
    const listed = new Set(blocklist.entries.map((e) => e.artistId))
    const baseline = new Set((connection.enforced_artist_ids ?? []).filter((id) => listed.has(id)))
    const added = blocklist.entries.filter((e) => !baseline.has(e.artistId))
    if (!added.length) return settle(connectionId, { keep_pending: false, enforced_artist_ids: JSON.stringify([...baseline]) }).then(() => undefined)

    const addedIds = new Set(added.map((a) => a.artistId))
    const done = await doneSinceScan(connectionId, connection.last_scanned_at)
    const room = Math.max(0, connection.keep_daily_limit - (await automaticToday(connectionId)))
    if (room === 0) return // today's quota is used: stays pending; the sweep tries again tomorrow
    let waiting: PlannedAction[] = []
    const narrow = (actions: readonly PlannedAction[]) => {
      const fresh = actions.filter((a) => a.matches.some((m) => addedIds.has(m.artistId)) && !done.has(`${a.kind}|${a.playlistId ?? 'library'}|${a.uri}`))
      waiting = fresh.slice(room)
      return fresh.slice(0, room)
    }
    const chosen = withPlanDefaults(options.options)
    const plan = await storePlan({ db, clock: deps.clock }, { userId, connectionId, scanId: connection.current_scan_id, scannedAt: connection.last_scanned_at }, snapshot, blocklist, chosen, systemContext(connectionId), narrow)
    // Artists with actions still waiting stay out of the baseline, so the next day's job picks them up.
    const postponed = new Set(waiting.flatMap((a) => a.matches.map((m) => m.artistId)))
    const enforced = JSON.stringify([...listed].filter((id) => !postponed.has(id)))
    if (!plan.actions.length) {
      // Nothing to remove now: either nothing of theirs is in the library, or today's quota is used.
      return settle(connectionId, { keep_pending: waiting.length > 0, enforced_artist_ids: enforced }).then(() => undefined)
    }
    const later = waiting.length ? `; ${waiting.length} more wait for tomorrow (at most ${connection.keep_daily_limit} automatic removals a day)` : ''
    const trigger = `${describeChange(added.filter((a) => plan.actions.some((x) => x.matches.some((m) => m.artistId === a.artistId))))}${later}`
    try {
      await deps.runs.startAutomaticRun(userId, plan, trigger, systemContext(connectionId))
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      if (/already in progress/.test(error.message)) return // a run started meanwhile: pending, retried by the sweep
      if (/changed on the provider since the scan/.test(error.message)) {
        // A playlist changed since the scan (often by the previous run): scan again; the change stays pending.
        await deps.startScan(userId, connectionId, systemContext(connectionId))
        return
      }
      // Stale (the library changed since the scan) or not connected: said in Activity; the next scan or change tries again.
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('connections').set({ keep_pending: false }).where('id', '=', connectionId).execute()
        await recordAudit(trx, systemContext(connectionId), { actorId: userId, action: 'enforcement.auto_run_refused', subjectType: 'connection', subjectId: connectionId, after: { trigger, reason: error.message } })
      })
      return
    }
    await settle(connectionId, { keep_pending: waiting.length > 0, enforced_artist_ids: enforced })
  }

  return {
    async get(userId: string, connectionId: string): Promise<KeepEnforced> {
      const row = await setting(userId, connectionId)
      if (!row) throw new AppError('NOT_FOUND', 'No such connection')
      return view(row)
    },

    /**
     * Turning it on takes the list as it is now as already enforced (the listener runs the whole list
     * from the Enforce page); from then on, what a change adds is removed automatically.
     */
    async set(userId: string, connectionId: string, input: KeepEnforcedRequest, ctx: RequestContext): Promise<KeepEnforced> {
      const before = await setting(userId, connectionId)
      if (!before) throw new AppError('NOT_FOUND', 'No such connection')
      const baseline = input.enabled && !before.keep_enforced ? [...(await loadBlocklist(db, userId)).entries.map((e) => e.artistId)] : undefined
      const row = await db.transaction().execute(async (trx) => {
        const updated = await trx.updateTable('connections').set({
          keep_enforced: input.enabled, keep_daily_limit: input.dailyLimit ?? before.keep_daily_limit, keep_updated_at: deps.clock(), keep_pending: false,
          ...(baseline ? { enforced_artist_ids: JSON.stringify(baseline) } : {}),
        }).where('id', '=', connectionId).returning(['id', 'keep_enforced', 'keep_daily_limit', 'keep_updated_at']).executeTakeFirstOrThrow()
        await recordAudit(trx, ctx, { actorId: userId, action: 'enforcement.keep_enforced_updated', subjectType: 'connection', subjectId: connectionId, before: view(before), after: view(updated) })
        return updated
      })
      return view(row)
    },

    /** Called after a change of the listener's effective list has committed. */
    async listChanged(userId: string): Promise<void> {
      const rows = await db.updateTable('connections').set({ keep_pending: true }).where('user_id', '=', userId).where('keep_enforced', '=', true)
        .returning('id').execute()
      await Promise.all(rows.map((r) => enqueue(r.id)))
    },

    handle,

    /** Re-enqueues every connection with a change still waiting (a run was active, or tomorrow's quota). */
    async resumePending(): Promise<number> {
      const rows = await db.selectFrom('connections').select('id').where('keep_enforced', '=', true).where('keep_pending', '=', true).execute()
      await Promise.all(rows.map((r) => enqueue(r.id)))
      return rows.length
    },
  }
}

export type KeepEnforcedService = ReturnType<typeof keepEnforcedService>
