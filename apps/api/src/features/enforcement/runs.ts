import { pageOf, pageWindow, type EnforcementRun, type RollbackIssue, type RollbackPreview, type RollbackRequest, type RunItemsQuery, type RunsQuery } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { isUniqueViolation } from '../../db/errors.ts'
import type { JobRunner } from '../../jobs/runner.ts'
import { AppError } from '../../lib/app-error.ts'
import { recordAudit, type RequestContext } from '../audit/audit-log.ts'
import { ProviderError } from '../connections/provider-errors.ts'
import type { AccessTokenSource, StreamingProvider } from '../connections/provider.ts'
import { changedPlaylist, playlistSnapshots } from './confirm.ts'
import { toRun, toRunItem } from './mapping.ts'
import * as repo from './repository.ts'
import { enforceItems, isPlaylistKind, rollbackItems, type NewRunItem } from './run-items.ts'
import { planStillCurrent, type PlanService } from './service.ts'
import type { BatchRow, ItemRow, PlanRow } from './tables.ts'

/** Runs of one provider share a queue, so a 429 pauses that provider's work. */
export const enforcementQueue = (provider: string) => `enforcement-${provider}`
/** One job per run; BullMQ ids cannot hold ':'. */
const runJobId = (runId: string) => `run-${runId}`

export interface RunServiceDeps {
  db: Db
  jobs: JobRunner
  clock: () => Date
  plans: PlanService
  providers: Partial<Record<string, StreamingProvider>>
  tokenSource: (connectionId: string) => AccessTokenSource
  /** Told when a queue could not take a job (Redis away): the run stays queued for the sweep. */
  onEnqueueFailed?: (runId: string, error: unknown) => void
}

const realSleep = { sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) }

/**
 * Runs and rollbacks as the listener starts and follows them. Starting one checks the plan is not
 * stale (its fingerprint against the library and list now, its playlists' snapshot ids against the
 * provider's), writes the run and its chunked items in one transaction, and queues the job.
 */
export function runService(deps: RunServiceDeps) {
  const { db } = deps
  const enqueue = (run: { id: string; provider: string }) =>
    deps.jobs.enqueue(enforcementQueue(run.provider), runJobId(run.id), { runId: run.id }).catch((error: unknown) => deps.onEnqueueFailed?.(run.id, error))

  async function view(row: BatchRow): Promise<EnforcementRun> {
    return toRun(row, await repo.runCounts(db, row.id), deps.clock())
  }

  async function ownedRun(userId: string, runId: string) {
    const run = await repo.findRun(db, runId, userId)
    if (!run) throw new AppError('NOT_FOUND', 'No such run')
    return run
  }

  async function usableConnection(connectionId: string | null) {
    const connection = connectionId ? await repo.findConnection(db, connectionId) : undefined
    const provider = connection && deps.providers[connection.provider]
    if (!connection || !provider) throw new AppError('CONFLICT', 'This account is not connected any more')
    if (connection.status !== 'active') throw new AppError('CONFLICT', 'Connect this account again first: the provider no longer accepts it')
    if (await repo.activeRun(db, connection.id)) throw new AppError('CONFLICT', 'A run is already in progress for this account; wait for it to finish')
    return { connection, provider, tokens: deps.tokenSource(connection.id) }
  }

  async function providerSnapshots(provider: StreamingProvider, tokens: AccessTokenSource): Promise<Map<string, string>> {
    try {
      return await playlistSnapshots(provider, tokens, realSleep)
    } catch (error) {
      if (error instanceof ProviderError) throw new AppError('SERVICE_UNAVAILABLE', 'The provider could not be asked whether your playlists changed; try again in a moment')
      throw error
    }
  }

  async function insertAndQueue(userId: string, run: Omit<Parameters<typeof repo.insertRun>[1], 'userId'>, items: NewRunItem[], audit: { action: string; after: object }, ctx: RequestContext) {
    let row: BatchRow
    try {
      row = await db.transaction().execute(async (trx) => {
        const inserted = await repo.insertRun(trx, { ...run, userId }, items)
        await recordAudit(trx, ctx, { actorId: userId, action: audit.action, subjectType: 'connection', subjectId: run.connectionId, after: { runId: inserted.id, ...audit.after } })
        return inserted
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'A run is already in progress for this account; wait for it to finish')
      throw error
    }
    await enqueue(row)
    return view(row)
  }

  async function restorable(run: BatchRow, request: RollbackRequest) {
    if (run.kind !== 'enforce') throw new AppError('CONFLICT', 'A rollback cannot be rolled back; run the plan again instead')
    if (run.status === 'pending' || run.status === 'running') throw new AppError('CONFLICT', 'Wait for the run to finish before rolling it back')
    return repo.restorableItems(db, run.id, request.itemIds)
  }

  async function startPlanRun(userId: string, plan: PlanRow, ctx: RequestContext, automaticTrigger?: string): Promise<EnforcementRun> {
    const { connection, provider, tokens } = await usableConnection(plan.connection_id)
    if (!(await planStillCurrent(db, plan))) {
      throw new AppError('CONFLICT', 'Your library or your list changed since this plan was made: re-plan before running it')
    }
    if (plan.actions.some((a) => a.playlistId)) {
      const changed = changedPlaylist(plan, await providerSnapshots(provider, tokens))
      if (changed) throw new AppError('CONFLICT', `The playlist "${changed.name}" changed on the provider since the scan: scan again, then re-plan`)
    }
    const playlists = new Map(plan.playlists.map((p) => [p.id, p]))
    const items = enforceItems(plan.actions, playlists, provider.limits)
    const automatic = automaticTrigger !== undefined
    return insertAndQueue(userId, { connectionId: connection.id, provider: connection.provider, kind: 'enforce', planId: plan.id, rollbackOf: null, automatic, trigger: automaticTrigger ?? null }, items,
      { action: automatic ? 'enforcement.auto_run_started' : 'enforcement.run_started', after: { planId: plan.id, items: items.length, ...(automatic ? { trigger: automaticTrigger } : {}) } }, ctx)
  }

  const doneItem = (row: ItemRow) => ({ id: row.id, action: row.action, uri: row.entity_id, name: row.name, container: row.container, state: row.before_state ?? {} })

  return {
    async startRun(userId: string, planId: string, ctx: RequestContext): Promise<EnforcementRun> {
      return startPlanRun(userId, await deps.plans.ownedPlan(userId, planId), ctx)
    },

    /** The same path for a plan keep-enforced made: stale checks, chunking, one active run, audited. */
    startAutomaticRun: (userId: string, plan: PlanRow, trigger: string, ctx: RequestContext) => startPlanRun(userId, plan, ctx, trigger),

    async runs(userId: string, connectionId: string, query: RunsQuery) {
      if (!(await repo.ownedConnection(db, userId, connectionId))) throw new AppError('NOT_FOUND', 'No such connection')
      const window = pageWindow(query)
      const rows = await repo.listRuns(db, connectionId, window.limit, window.offset)
      return pageOf(await Promise.all(rows.map(view)), rows[0]?.total ?? 0, window)
    },

    async run(userId: string, runId: string) {
      return view(await ownedRun(userId, runId))
    },

    async items(userId: string, runId: string, query: RunItemsQuery) {
      await ownedRun(userId, runId)
      const window = pageWindow(query)
      const rows = await repo.runItemsPage(db, runId, query.status, window.limit, window.offset)
      return pageOf(rows.map(toRunItem), rows[0]?.total ?? 0, window)
    },

    /** What a rollback would put back, and what it cannot put back exactly. */
    async previewRollback(userId: string, runId: string, request: RollbackRequest): Promise<RollbackPreview> {
      const run = await ownedRun(userId, runId)
      const done = await restorable(run, request)
      const issues: RollbackIssue[] = []
      const issue = (row: Pick<ItemRow, 'id' | 'action' | 'entity_id' | 'name'>, kind: RollbackIssue['issue'], reason: string) =>
        issues.push({ itemId: row.id, kind: row.action, uri: row.entity_id, name: row.name, issue: kind, reason })
      if (request.itemIds) {
        const found = new Set(done.map((d) => d.id))
        const missing = request.itemIds.filter((id) => !found.has(id))
        if (missing.length) {
          const rows = await db.selectFrom('action_items').select(['id', 'action', 'entity_id', 'name']).where('batch_id', '=', runId).where('id', 'in', missing).execute()
          for (const row of rows) issue(row, 'not_executed', 'It was not removed by this run (or is already back), so there is nothing to put back')
        }
      }
      const playlistsTouched = done.some((d) => isPlaylistKind(d.action))
      if (playlistsTouched && run.connection_id) {
        const connection = await repo.findConnection(db, run.connection_id)
        const provider = connection && deps.providers[connection.provider]
        if (provider) {
          const [after, now] = await Promise.all([repo.lastSnapshots(db, runId), providerSnapshots(provider, deps.tokenSource(connection.id))])
          for (const d of done) {
            const playlistId = d.before_state?.playlistId
            if (playlistId && after.has(playlistId) && now.get(playlistId) !== after.get(playlistId)) {
              issue(d, 'playlist_changed', `"${d.before_state?.playlistName ?? playlistId}" changed since the run: the item goes back at its old position, which may now be a different place`)
            }
          }
        }
      }
      for (const d of done) if (d.before_state?.addedAt) issue(d, 'added_date', `It was added on ${d.before_state.addedAt.slice(0, 10)}; it comes back dated today`)
      return { runId, restorable: done.length, issues: issues.slice(0, 500), issueCount: issues.length }
    },

    async startRollback(userId: string, runId: string, request: RollbackRequest, ctx: RequestContext): Promise<EnforcementRun> {
      const run = await ownedRun(userId, runId)
      const done = await restorable(run, request)
      if (!done.length) throw new AppError('CONFLICT', 'Nothing of this run is left to put back')
      const { connection, provider } = await usableConnection(run.connection_id)
      const items = rollbackItems(done.map(doneItem), provider.limits)
      return insertAndQueue(userId, { connectionId: connection.id, provider: connection.provider, kind: 'rollback', planId: run.plan_id!, rollbackOf: run.id }, items,
        { action: 'enforcement.rollback_started', after: { rollbackOf: run.id, items: items.length } }, ctx)
    },

    /** A run whose job ran out of attempts (the provider kept failing): it stops, saying why. */
    async giveUp(runId: string, error: unknown) {
      const reason = error instanceof Error ? error.message : String(error)
      await repo.failRun(db, runId, `The provider kept failing (${reason.slice(0, 200)}); what is done stays done, plan and run again later`, deps.clock())
    },

    /** Re-enqueues every queued or running run (after a restart, or a job lost with Redis). */
    async resumeUnfinished(): Promise<number> {
      const runs = await repo.unfinishedRuns(db)
      await Promise.all(runs.map(enqueue))
      return runs.length
    },
  }
}

export type RunService = ReturnType<typeof runService>
