import { PREVIEW_ACTIONS, SIGN_IN_ACTIONS, type ActivityKind } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'

/**
 * One page of a user's own audit rows, newest first, keyset-paginated on the row id. Reads one
 * row more than asked, so the caller knows whether another page exists.
 */
export function activityOf(db: Db, userId: string, options: { limit: number; before?: string | undefined; hiddenActions: readonly string[]; kind?: ActivityKind | undefined }) {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .where('actor_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(options.limit + 1)
  if (options.hiddenActions.length > 0) query = query.where('action', 'not in', [...options.hiddenActions])
  if (options.before) query = query.where('id', '<', options.before)
  if (options.kind === 'sign-ins') query = query.where('action', 'in', [...SIGN_IN_ACTIONS])
  if (options.kind === 'previews') query = query.where('action', 'in', [...PREVIEW_ACTIONS])
  if (options.kind === 'changes') query = query.where('action', 'not in', [...SIGN_IN_ACTIONS, ...PREVIEW_ACTIONS])
  return query.execute()
}

export type ActivityRow = Awaited<ReturnType<typeof activityOf>>[number]
