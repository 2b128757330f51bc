import type { Kysely } from 'kysely'
import { runSql } from './run-sql.ts'

// Enforcement: options remembered per user, stored plans (made from one library snapshot), and runs
// on the tables 0006 reserved (action_batches = a run or a rollback, action_items = one provider
// mutation with what undoing it needs). Items are executed in numbered chunks (one provider call
// each); `attempted_at` is written before a chunk's call, so a run that resumes after a crash
// knows which call may have been applied and re-checks it with the provider instead of repeating it.
export async function up(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `CREATE TABLE enforcement_options (
      user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      options jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE enforcement_plans (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      connection_id uuid NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
      scan_id uuid REFERENCES library_scans (id) ON DELETE SET NULL,
      fingerprint text NOT NULL,
      options jsonb NOT NULL,
      summary jsonb NOT NULL,
      playlists jsonb NOT NULL,
      actions jsonb NOT NULL,
      skipped jsonb NOT NULL,
      scanned_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX enforcement_plans_connection_idx ON enforcement_plans (connection_id, created_at DESC)`,
    `ALTER TABLE action_batches
      ADD COLUMN plan_id uuid REFERENCES enforcement_plans (id) ON DELETE CASCADE,
      ADD COLUMN retries integer NOT NULL DEFAULT 0,
      ADD COLUMN error text`,
    // One active run (or rollback) per connection.
    `CREATE UNIQUE INDEX action_batches_one_active_idx ON action_batches (connection_id) WHERE status IN ('pending', 'running')`,
    `ALTER TABLE action_items
      ADD COLUMN seq integer NOT NULL DEFAULT 0,
      ADD COLUMN chunk integer NOT NULL DEFAULT 0,
      ADD COLUMN name text NOT NULL DEFAULT '',
      ADD COLUMN container text NOT NULL DEFAULT 'library',
      ADD COLUMN restores_item_id uuid REFERENCES action_items (id) ON DELETE SET NULL,
      ADD COLUMN note text,
      ADD COLUMN attempted_at timestamptz,
      ADD COLUMN completed_at timestamptz`,
    // The key is (connection, action, container, uri): at most one pending mutation of it at a time,
    // and a later run (after a rollback) may act on the same item again.
    `ALTER TABLE action_items DROP CONSTRAINT action_items_idempotency_key_key`,
    `CREATE UNIQUE INDEX action_items_pending_key_idx ON action_items (idempotency_key) WHERE status = 'pending'`,
    `CREATE INDEX action_items_batch_chunk_idx ON action_items (batch_id, chunk, seq)`,
    `CREATE INDEX action_items_restores_idx ON action_items (restores_item_id) WHERE restores_item_id IS NOT NULL`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `DROP INDEX action_items_restores_idx`,
    `DROP INDEX action_items_batch_chunk_idx`,
    `DROP INDEX action_items_pending_key_idx`,
    `DELETE FROM action_items a USING action_items b WHERE a.idempotency_key = b.idempotency_key AND a.id > b.id`,
    `ALTER TABLE action_items ADD CONSTRAINT action_items_idempotency_key_key UNIQUE (idempotency_key)`,
    `ALTER TABLE action_items DROP COLUMN seq, DROP COLUMN chunk, DROP COLUMN name, DROP COLUMN container,
      DROP COLUMN restores_item_id, DROP COLUMN note, DROP COLUMN attempted_at, DROP COLUMN completed_at`,
    `DROP INDEX action_batches_one_active_idx`,
    `ALTER TABLE action_batches DROP COLUMN plan_id, DROP COLUMN retries, DROP COLUMN error`,
    `DROP TABLE enforcement_plans`,
    `DROP TABLE enforcement_options`,
  ])
}
