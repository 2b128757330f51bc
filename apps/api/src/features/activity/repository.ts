import type { Db } from '../../db/database.ts'

/**
 * One page of a user's own audit rows, newest first, keyset-paginated on the row id. Reads one
 * row more than asked, so the caller knows whether another page exists.
 */
export function activityOf(db: Db, userId: string, options: { limit: number; before?: string | undefined; hiddenActions: readonly string[] }) {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .where('actor_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(options.limit + 1)
  if (options.hiddenActions.length > 0) query = query.where('action', 'not in', [...options.hiddenActions])
  if (options.before) query = query.where('id', '<', options.before)
  return query.execute()
}

export type ActivityRow = Awaited<ReturnType<typeof activityOf>>[number]
