import type { SqlClient } from '../db/client.ts'
import type { Tally } from './artists.ts'
import { audit } from './audit.ts'
import type { SeedList } from './data.ts'

/**
 * A community list with its draft items and a published version 1 (the immutable snapshot
 * subscribers follow). A list that already exists for its owner is left untouched.
 */
async function createList(db: SqlClient, list: SeedList, ownerId: string, artists: Map<string, string>): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into community_lists (owner_id, name, description, criteria, update_cadence, visibility, current_version)
     values ($1, $2, $3, $4, $5, $6, 1) returning id`,
    [ownerId, list.name, list.description, list.criteria, list.updateCadence, list.visibility],
  )
  const listId = rows[0]!.id
  await audit(db, { actorId: ownerId, action: 'community_list.created', subjectType: 'community_list', subjectId: listId, after: { name: list.name, visibility: list.visibility } })
  const version = await db.query<{ id: string }>(
    `insert into community_list_versions (list_id, version, changelog, item_count, published_by)
     values ($1, 1, 'First version', $2, $3) returning id`,
    [listId, list.items.length, ownerId],
  )
  for (const item of list.items) {
    const values = [artists.get(item.artist)!, item.rationale, item.evidenceUrl]
    await db.query('insert into community_list_items (list_id, artist_id, rationale, evidence_url) values ($1, $2, $3, $4)', [listId, ...values])
  }
  // Version 1 is the draft's snapshot, as publishing makes it in the API.
  await db.query(
    `insert into community_list_version_items (version_id, artist_id, rationale, evidence_url, added_at)
     select $1, artist_id, rationale, evidence_url, added_at from community_list_items where list_id = $2`,
    [version.rows[0]!.id, listId],
  )
  await audit(db, {
    actorId: ownerId,
    action: 'community_list.published',
    subjectType: 'community_list',
    subjectId: listId,
    after: { listName: list.name, version: 1, itemCount: list.items.length },
  })
  return listId
}

export async function seedLists(db: SqlClient, lists: SeedList[], users: Map<string, string>, artists: Map<string, string>, tally: Tally): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  for (const list of lists) {
    const ownerId = users.get(list.owner.toLowerCase())!
    const { rows } = await db.query<{ id: string }>('select id from community_lists where owner_id = $1 and name = $2', [ownerId, list.name])
    if (rows[0]) {
      ids.set(list.name, rows[0].id)
      tally.existing++
    } else {
      ids.set(list.name, await createList(db, list, ownerId, artists))
      tally.created++
    }
  }
  return ids
}

/** Subscriptions follow the latest version (not pinned), having accepted the current one. */
export async function seedSubscriptions(db: SqlClient, subscriptions: { user: string; list: string }[], users: Map<string, string>, lists: Map<string, string>, tally: Tally) {
  for (const s of subscriptions) {
    const userId = users.get(s.user.toLowerCase())!
    const listId = lists.get(s.list)!
    const { rows } = await db.query<{ list_id: string }>(
      `insert into community_list_subscriptions (user_id, list_id, accepted_version)
       select $1, id, coalesce(current_version, 1) from community_lists where id = $2
       on conflict (user_id, list_id) do nothing returning list_id`,
      [userId, listId],
    )
    if (!rows[0]) {
      tally.existing++
      continue
    }
    await audit(db, { actorId: userId, action: 'subscription.created', subjectType: 'community_list', subjectId: listId, after: { pinnedVersion: null } })
    tally.created++
  }
}
