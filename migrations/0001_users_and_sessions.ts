import type { Kysely } from 'kysely'
import { runSql } from './run-sql.ts'

// Accounts and refresh-token sessions. Emails are unique case-insensitively through an index on
// lower(email), which also serves the login lookup.
export async function up(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
      password_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email))`,
    // One row per refresh token. Rotation revokes the row and links its successor; a family is
    // every token descended from one sign-in, so re-use of a rotated token can revoke them all.
    `CREATE TABLE auth_sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      family_id uuid NOT NULL,
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      revoked_reason text CHECK (revoked_reason IN ('rotated', 'logout', 'reuse_detected', 'password_changed', 'account_deleted')),
      replaced_by uuid REFERENCES auth_sessions (id) ON DELETE SET NULL,
      user_agent text,
      ip inet,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz
    )`,
    `CREATE INDEX auth_sessions_family_idx ON auth_sessions (family_id)`,
    `CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id)`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runSql(db, [`DROP TABLE auth_sessions`, `DROP TABLE users`])
}
