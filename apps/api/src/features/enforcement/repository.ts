import { sql } from 'kysely'
import type { EnforcementOptions } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { idempotencyKey, type NewRunItem } from './run-items.ts'
import type { BatchRow, ItemRow, ItemState, PlanRow } from './tables.ts'

const ACTIVE = ['pending', 'running'] as const

// ---- Options and plans ----

export const findOptions = (db: Db, userId: string) =>
  db.selectFrom('enforcement_options').selectAll().where('user_id', '=', userId).executeTakeFirst()

export const saveOptions = (db: Db, userId: string, options: EnforcementOptions, now: Date) =>
  db.insertInto('enforcement_options').values({ user_id: userId, options: JSON.stringify(options), updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ options: JSON.stringify(options), updated_at: now }))
    .returningAll().executeTakeFirstOrThrow()

export const ownedConnection = (db: Db, userId: string, connectionId: string) =>
  db.selectFrom('connections').select(['id', 'user_id', 'provider', 'status', 'current_scan_id', 'last_scanned_at'])
    .where('id', '=', connectionId).where('user_id', '=', userId).executeTakeFirst()

export const findConnection = (db: Db, connectionId: string) =>
  db.selectFrom('connections').select(['id', 'user_id', 'provider', 'status', 'current_scan_id', 'last_scanned_at']).where('id', '=', connectionId).executeTakeFirst()

/** The listener's own plan (undefined for anyone else's). */
export const findPlan = (db: Db, userId: string, planId: string): Promise<PlanRow | undefined> =>
  db.selectFrom('enforcement_plans').selectAll().where('id', '=', planId).where('user_id', '=', userId).executeTakeFirst()

export const latestRunOfPlan = async (db: Db, planId: string) =>
  (await db.selectFrom('action_batches').select('id').where('plan_id', '=', planId).orderBy('created_at', 'desc').limit(1).executeTakeFirst())?.id ?? null

// ---- Runs ----

export const findRun = (db: Db, runId: string, userId?: string): Promise<BatchRow | undefined> => {
  let query = db.selectFrom('action_batches').selectAll().where('id', '=', runId)
  if (userId) query = query.where('user_id', '=', userId)
  return query.executeTakeFirst()
}

export const activeRun = (db: Db, connectionId: string) =>
  db.selectFrom('action_batches').selectAll().where('connection_id', '=', connectionId).where('status', 'in', ACTIVE).executeTakeFirst()

export const listRuns = (db: Db, connectionId: string, limit: number, offset: number) =>
  db.selectFrom('action_batches').selectAll().select(sql<number>`(count(*) over ())::int`.as('total'))
    .where('connection_id', '=', connectionId).orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute()

/** Inserts a run and its items (in slices: a large plan is thousands of rows). */
export async function insertRun(
  trx: Db,
  run: { userId: string; connectionId: string; provider: string; kind: 'enforce' | 'rollback'; planId: string; rollbackOf: string | null; automatic?: boolean; trigger?: string | null },
  items: readonly NewRunItem[],
): Promise<BatchRow> {
  const batch = await trx.insertInto('action_batches').values({
    user_id: run.userId, connection_id: run.connectionId, provider: run.provider, kind: run.kind, plan_id: run.planId, rollback_of: run.rollbackOf,
    automatic: run.automatic ?? false, trigger: run.trigger ?? null,
  }).returningAll().executeTakeFirstOrThrow()
  for (let i = 0; i < items.length; i += 1000) {
    await trx.insertInto('action_items').values(items.slice(i, i + 1000).map((item) => ({
      batch_id: batch.id, entity_type: item.entityType, entity_id: item.uri, action: item.action,
      idempotency_key: idempotencyKey(run.connectionId, item), before_state: JSON.stringify(item.state), after_state: null,
      seq: item.seq, chunk: item.chunk, name: item.name, container: item.container, restores_item_id: item.restoresItemId ?? null,
    }))).execute()
  }
  return batch
}

export async function runCounts(db: Db, runId: string) {
  const row = await db.selectFrom('action_items').select([
    sql<number>`count(*)::int`.as('total'),
    sql<number>`(count(*) filter (where status = 'done'))::int`.as('done'),
    sql<number>`(count(*) filter (where status = 'failed'))::int`.as('failed'),
    sql<number>`(count(*) filter (where status = 'pending'))::int`.as('pending'),
  ]).where('batch_id', '=', runId).executeTakeFirstOrThrow()
  return row
}

/** The pending items of the run's first unfinished chunk, in order. */
export async function nextChunk(db: Db, runId: string): Promise<ItemRow[]> {
  const first = await db.selectFrom('action_items').select('chunk').where('batch_id', '=', runId).where('status', '=', 'pending')
    .orderBy('chunk').limit(1).executeTakeFirst()
  if (!first) return []
  return db.selectFrom('action_items').selectAll().where('batch_id', '=', runId).where('chunk', '=', first.chunk).where('status', '=', 'pending')
    .orderBy('seq').execute()
}

/** Written (and committed) before a chunk's call: from now on its outcome is unknown until confirmed. */
export const markAttempted = (db: Db, ids: string[], now: Date) =>
  db.updateTable('action_items').set({ attempted_at: now, updated_at: now }).where('id', 'in', ids).execute()

/** The call was refused before it was applied (a 429, or a 5xx that changed nothing). */
export const clearAttempted = (db: Db, ids: string[], now: Date) =>
  db.updateTable('action_items').set({ attempted_at: null, updated_at: now }).where('id', 'in', ids).execute()

export async function markDone(db: Db, ids: string[], now: Date, result: { note?: string | null; after?: ItemState | null } = {}) {
  if (!ids.length) return
  await db.updateTable('action_items')
    .set({ status: 'done', note: result.note ?? null, after_state: result.after ? JSON.stringify(result.after) : null, completed_at: now, updated_at: now })
    .where('id', 'in', ids).where('status', '=', 'pending').execute()
}

export async function markFailed(db: Db, ids: string[], error: string, now: Date) {
  if (!ids.length) return
  await db.updateTable('action_items').set({ status: 'failed', error, completed_at: now, updated_at: now })
    .where('id', 'in', ids).where('status', '=', 'pending').execute()
}

export const startRunning = (db: Db, runId: string, now: Date) =>
  db.updateTable('action_batches').set({ status: 'running', started_at: sql`coalesce(started_at, ${now})` as never })
    .where('id', '=', runId).where('status', 'in', ACTIVE).execute()

export const countRunRetry = (db: Db, runId: string) =>
  db.updateTable('action_batches').set((eb) => ({ retries: eb('retries', '+', 1) })).where('id', '=', runId).execute()

/** Every item has a result: completed (some may have failed; the run says how many). */
export const completeRun = (db: Db, runId: string, now: Date) =>
  db.updateTable('action_batches').set({ status: 'completed', completed_at: now }).where('id', '=', runId).where('status', 'in', ACTIVE).execute()

/** The run stops for good: what was not done yet fails with the run's reason. */
export async function failRun(db: Db, runId: string, error: string, now: Date) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('action_items').set({ status: 'failed', error, completed_at: now, updated_at: now }).where('batch_id', '=', runId).where('status', '=', 'pending').execute()
    await trx.updateTable('action_batches').set({ status: 'failed', error, completed_at: now }).where('id', '=', runId).where('status', 'in', ACTIVE).execute()
  })
}

export const unfinishedRuns = (db: Db) =>
  db.selectFrom('action_batches').select(['id', 'provider']).where('status', 'in', ACTIVE).where('dry_run', '=', false).execute()

export function runItemsPage(db: Db, runId: string, status: string | undefined, limit: number, offset: number) {
  let query = db.selectFrom('action_items').selectAll().select(sql<number>`(count(*) over ())::int`.as('total')).where('batch_id', '=', runId)
  if (status) query = query.where('status', '=', status as 'pending')
  return query.orderBy('seq').limit(limit).offset(offset).execute()
}

/**
 * The run's done items a rollback may put back (all, or those chosen), less those a rollback already
 * restored or is restoring.
 */
export function restorableItems(db: Db, runId: string, itemIds?: readonly string[]) {
  let query = db.selectFrom('action_items as i').selectAll('i').where('i.batch_id', '=', runId).where('i.status', '=', 'done')
    .where(({ not, exists, selectFrom }) => not(exists(
      selectFrom('action_items as r').select('r.id').whereRef('r.restores_item_id', '=', 'i.id').where('r.status', 'in', ['done', 'pending']),
    )))
  if (itemIds) query = query.where('i.id', 'in', itemIds.length ? [...itemIds] : ['00000000-0000-0000-0000-000000000000'])
  return query.orderBy('i.seq').execute()
}

/** Each playlist's snapshot id after the run's last change to it (to tell whether it changed since). */
export async function lastSnapshots(db: Db, runId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('action_items').select(['container', 'after_state']).where('batch_id', '=', runId)
    .where('status', '=', 'done').where('after_state', 'is not', null).orderBy('chunk').execute()
  const out = new Map<string, string>()
  for (const row of rows) if (row.after_state?.snapshotId) out.set(row.after_state.playlistId ?? row.container, row.after_state.snapshotId)
  return out
}
