import type { SqlClient } from '../db/client.ts'

/** Seeded rows get audit rows like the API's own, marked as coming from the seed. */
export async function audit(db: SqlClient, entry: { actorId: string | null; action: string; subjectType: string; subjectId: string; after?: unknown }) {
  await db.query(
    `insert into audit_log (actor_id, action, subject_type, subject_id, after, user_agent, request_id)
     values ($1, $2, $3, $4, $5::jsonb, 'devenv seed', 'devenv-seed')`,
    [entry.actorId, entry.action, entry.subjectType, entry.subjectId, entry.after === undefined ? null : JSON.stringify(entry.after)],
  )
}
