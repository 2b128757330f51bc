import type { EnforcementPlan, EnforcementRun, PlanAction, RunItem, SkippedPlanItem } from '@ndith/contracts'
import { CATEGORY_OF, CATEGORY_OF_ACTION } from './planner-options.ts'
import type { SkippedItem } from './planner-types.ts'
import type { StoredAction } from './run-items.ts'
import type { BatchRow, ItemRow, PlanPlaylist, PlanRow } from './tables.ts'

export const toPlan = (row: PlanRow, latestRunId: string | null): EnforcementPlan => ({
  id: row.id,
  connectionId: row.connection_id,
  fingerprint: row.fingerprint,
  options: row.options,
  summary: row.summary,
  scannedAt: row.scanned_at.toISOString(),
  createdAt: row.created_at.toISOString(),
  latestRunId,
})

const playlistName = (playlists: PlanPlaylist[], id: string | undefined) => (id ? (playlists.find((p) => p.id === id)?.name ?? id) : null)

/** The fields an action and a skipped item share, as the contract shows them. */
const plannedItem = (item: StoredAction | SkippedItem, playlists: PlanPlaylist[]) => ({
  uri: item.uri,
  name: item.name,
  playlistId: item.playlistId ?? null,
  playlistName: playlistName(playlists, item.playlistId),
  positions: item.positions ?? [],
  matches: item.matches.map((m) => ({ ...m, sources: [...m.sources] })),
  reason: item.reason,
})

export const toPlanAction = (action: StoredAction, index: number, playlists: PlanPlaylist[]): PlanAction => ({
  index,
  kind: action.kind,
  category: CATEGORY_OF_ACTION[action.kind],
  ...plannedItem(action, playlists),
})

export const toSkipped = (item: SkippedItem, playlists: PlanPlaylist[]): SkippedPlanItem => ({
  kind: item.kind,
  category: CATEGORY_OF[item.kind],
  code: item.code,
  ...plannedItem(item, playlists),
})

const STATUS: Record<BatchRow['status'], EnforcementRun['status']> = {
  pending: 'queued', running: 'running', completed: 'completed', partially_failed: 'completed', failed: 'failed', cancelled: 'failed', rolled_back: 'completed',
}

export interface Counts {
  total: number
  done: number
  failed: number
  pending: number
}

/** A run with its progress; the estimate extrapolates the pace so far. */
export function toRun(row: BatchRow, counts: Counts, now: Date): EnforcementRun {
  const processed = counts.done + counts.failed
  const elapsedMs = row.started_at ? now.getTime() - row.started_at.getTime() : 0
  const active = row.status === 'pending' || row.status === 'running'
  const estimate = active && processed > 0 && counts.pending > 0 && elapsedMs > 0 ? Math.ceil((counts.pending * elapsedMs) / processed / 1000) : null
  return {
    id: row.id,
    kind: row.kind,
    planId: row.plan_id!,
    connectionId: row.connection_id!,
    rollbackOf: row.rollback_of,
    status: STATUS[row.status],
    progress: { total: counts.total, done: counts.done, failed: counts.failed, remaining: counts.pending, retries: row.retries, estimatedSecondsRemaining: estimate },
    error: row.error,
    automatic: row.automatic,
    trigger: row.trigger,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    completedAt: row.completed_at?.toISOString() ?? null,
  }
}

export const toRunItem = (row: ItemRow): RunItem => ({
  id: row.id,
  kind: row.action,
  uri: row.entity_id,
  name: row.name,
  playlistId: row.before_state?.playlistId ?? null,
  playlistName: row.before_state?.playlistName ?? null,
  positions: row.before_state?.positions ?? [],
  addedAt: row.before_state?.addedAt ?? null,
  status: row.status === 'done' || row.status === 'failed' ? row.status : 'pending',
  note: row.note,
  error: row.error,
  completedAt: row.completed_at?.toISOString() ?? null,
})
