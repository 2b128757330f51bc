import type { Kysely } from 'kysely'
import { runSql } from './run-sql.ts'

// Append-only audit trail. Rows outlive the actor's account (actor_id SET NULL) so history is
// kept without personal data once an account is deleted.
export async function up(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
      action text NOT NULL,
      subject_type text NOT NULL,
      subject_id text,
      before jsonb,
      after jsonb,
      ip inet,
      user_agent text,
      request_id text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX audit_log_actor_created_idx ON audit_log (actor_id, created_at DESC)`,
    `CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id)`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runSql(db, [`DROP TABLE audit_log`])
}
