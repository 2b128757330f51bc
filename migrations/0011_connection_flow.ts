import type { Kysely } from 'kysely'
import { runSql } from './run-sql.ts'

// What the connect flow needs. Each sealed token carries the id of the key that sealed it (a refresh
// may replace one token and keep the other, and a rotation re-seals both), the connection shows the
// provider account's name and whether it must be reconnected, and a pending sign-in (single-use
// `state`, sealed PKCE verifier) lives in Postgres so any API replica can finish it.
export async function up(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `ALTER TABLE connections
      ADD COLUMN display_name text,
      ADD COLUMN access_token_key_id text,
      ADD COLUMN refresh_token_key_id text,
      ADD COLUMN token_refreshed_at timestamptz,
      ADD COLUMN last_scanned_at timestamptz`,
    `UPDATE connections SET
      access_token_key_id = CASE WHEN access_token_encrypted IS NOT NULL THEN encryption_key_id END,
      refresh_token_key_id = CASE WHEN refresh_token_encrypted IS NOT NULL THEN encryption_key_id END`,
    `ALTER TABLE connections DROP CONSTRAINT connections_check`,
    `ALTER TABLE connections DROP COLUMN encryption_key_id`,
    `ALTER TABLE connections
      ADD CONSTRAINT connections_access_token_key_id_check CHECK ((access_token_encrypted IS NULL) = (access_token_key_id IS NULL)),
      ADD CONSTRAINT connections_refresh_token_key_id_check CHECK ((refresh_token_encrypted IS NULL) = (refresh_token_key_id IS NULL))`,
    // 'expired' and 'revoked' both meant "the listener has to connect again".
    `ALTER TABLE connections DROP CONSTRAINT connections_status_check`,
    `UPDATE connections SET status = 'needs_reauth' WHERE status IN ('expired', 'revoked')`,
    `ALTER TABLE connections ADD CONSTRAINT connections_status_check CHECK (status IN ('active', 'needs_reauth', 'error'))`,
    `CREATE TABLE oauth_authorizations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- SHA-256 of the state sent to the provider: a copy of this table cannot finish a sign-in
      state_hash text NOT NULL UNIQUE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      provider text NOT NULL,
      code_verifier_encrypted text NOT NULL,
      code_verifier_key_id text NOT NULL,
      redirect_uri text NOT NULL,
      return_to text,
      scopes text[] NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      consumed_at timestamptz
    )`,
    `CREATE INDEX oauth_authorizations_expires_idx ON oauth_authorizations (expires_at)`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `DROP TABLE oauth_authorizations`,
    `ALTER TABLE connections DROP CONSTRAINT connections_status_check`,
    `UPDATE connections SET status = 'revoked' WHERE status = 'needs_reauth'`,
    `ALTER TABLE connections ADD CONSTRAINT connections_status_check CHECK (status IN ('active', 'expired', 'revoked', 'error'))`,
    `ALTER TABLE connections DROP CONSTRAINT connections_access_token_key_id_check, DROP CONSTRAINT connections_refresh_token_key_id_check`,
    `ALTER TABLE connections ADD COLUMN encryption_key_id text`,
    // The old schema had one key id for both tokens; a row sealed under two keys cannot be described.
    `UPDATE connections SET access_token_encrypted = NULL, refresh_token_encrypted = NULL
      WHERE access_token_key_id IS DISTINCT FROM refresh_token_key_id`,
    `UPDATE connections SET encryption_key_id = coalesce(access_token_key_id, refresh_token_key_id)`,
    `ALTER TABLE connections ADD CONSTRAINT connections_check
      CHECK ((access_token_encrypted IS NULL AND refresh_token_encrypted IS NULL) OR encryption_key_id IS NOT NULL)`,
    `ALTER TABLE connections DROP COLUMN display_name, DROP COLUMN access_token_key_id, DROP COLUMN refresh_token_key_id,
      DROP COLUMN token_refreshed_at, DROP COLUMN last_scanned_at`,
  ])
}
