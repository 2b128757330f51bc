import { sql } from 'kysely'
import type { Db } from '../../db/database.ts'

/** Everything stored about one user, for the data export (tokens and hashes excluded). */
export async function collectUserData(db: Db, userId: string) {
  const [user, blocklist, imports, lists, subscriptions, reports, connections, activity] = await Promise.all([
    db.selectFrom('users').select(['id', 'email', 'display_name', 'created_at', 'updated_at']).where('id', '=', userId).executeTakeFirstOrThrow(),
    db
      .selectFrom('user_artist_blocks')
      .innerJoin('artists', 'artists.id', 'user_artist_blocks.artist_id')
      .select(['artists.id as artist_id', 'artists.canonical_name as artist_name', 'user_artist_blocks.tags', 'user_artist_blocks.note', 'user_artist_blocks.created_at'])
      .where('user_id', '=', userId)
      .orderBy('user_artist_blocks.created_at')
      .execute(),
    db.selectFrom('blocklist_imports').select(['id', 'format', 'status', 'summary', 'created_at', 'confirmed_at']).where('user_id', '=', userId).execute(),
    db.selectFrom('community_lists').selectAll().where('owner_id', '=', userId).execute(),
    db.selectFrom('community_list_subscriptions').selectAll().where('user_id', '=', userId).execute(),
    db.selectFrom('community_list_reports').selectAll().where('reporter_id', '=', userId).execute(),
    sql<Record<string, unknown>>`
      select id, provider, provider_user_id, scopes, status, expires_at, created_at from connections where user_id = ${userId}`.execute(db),
    db.selectFrom('audit_log').select(['action', 'subject_type', 'subject_id', 'before', 'after', 'ip', 'user_agent', 'created_at']).where('actor_id', '=', userId).orderBy('id').execute(),
  ])
  return { user, blocklist, imports, communityLists: lists, subscriptions, reports, connections: connections.rows, activity }
}

/**
 * Keeps the audit trail but strips what identifies the person: network details and the
 * before/after payloads of their rows. The actor link is cut by the foreign key (SET NULL).
 */
export const scrubAuditRows = (db: Db, userId: string) =>
  db
    .updateTable('audit_log')
    .set({ ip: null, user_agent: null, before: null, after: null })
    .where((eb) => eb.or([eb('actor_id', '=', userId), eb('subject_id', '=', userId)]))
    .execute()

/**
 * A leaving curator's lists that were never published have no readers: they go with the account.
 * Published lists stay (owner and publisher set to NULL by the foreign keys) so subscribers keep them.
 */
export const deleteUnpublishedLists = (db: Db, ownerId: string) =>
  db.deleteFrom('community_lists').where('owner_id', '=', ownerId).where('current_version', 'is', null).execute()

export const deleteUser = (db: Db, userId: string) => db.deleteFrom('users').where('id', '=', userId).execute()
