import { sql } from 'kysely'
import type { Db } from '../../../db/database.ts'
import { wasInserted } from '../../../db/inserts.ts'
import { pageRows } from '../../../db/paging.ts'
import type { SubscriptionRow } from '../mapping.ts'

export const findSubscriptionForUpdate = (db: Db, userId: string, listId: string) =>
  db.selectFrom('community_list_subscriptions').selectAll().where('user_id', '=', userId).where('list_id', '=', listId).forUpdate().executeTakeFirst()

/** Inserts unless a subscription exists (a concurrent request won); true when inserted. */
export const insertSubscription = (
  db: Db,
  values: { user_id: string; list_id: string; pinned_version: number | null; accepted_version: number; created_at: Date; updated_at: Date },
) => wasInserted(db.insertInto('community_list_subscriptions').values(values).onConflict((oc) => oc.columns(['user_id', 'list_id']).doNothing()).returning('list_id'))

export const updateSubscription = (db: Db, userId: string, listId: string, changes: { pinned_version: number | null; accepted_version: number; updated_at: Date }) =>
  db.updateTable('community_list_subscriptions').set(changes).where('user_id', '=', userId).where('list_id', '=', listId).execute()

export const deleteSubscription = (db: Db, userId: string, listId: string) =>
  db.deleteFrom('community_list_subscriptions').where('user_id', '=', userId).where('list_id', '=', listId).returningAll().executeTakeFirst()

/**
 * The user's subscriptions with each list's latest version. A list its owner has since made
 * private keeps counting at the subscribed version, but reveals nothing newer.
 */
export function subscriptionsOf(db: Db, userId: string) {
  return db
    .selectFrom('community_list_subscriptions as s')
    .innerJoin('community_lists as l', 'l.id', 's.list_id')
    .select([
      's.list_id', 'l.name as list_name', 's.pinned_version', 's.accepted_version', 's.created_at', 's.updated_at',
      sql<number>`case when l.visibility <> 'private' or l.owner_id = ${userId} then coalesce(l.current_version, 0)
        else coalesce(s.pinned_version, s.accepted_version) end`.as('latest_version'),
    ])
    .where('s.user_id', '=', userId)
}

export const findSubscription = (db: Db, userId: string, listId: string): Promise<SubscriptionRow | undefined> =>
  subscriptionsOf(db, userId).where('s.list_id', '=', listId).executeTakeFirst()

/** By list name. */
export const listSubscriptions = (db: Db, userId: string, limit: number, offset: number) =>
  pageRows(subscriptionsOf(db, userId).orderBy(sql`lower(l.name)`).orderBy('s.list_id'), limit, offset)
