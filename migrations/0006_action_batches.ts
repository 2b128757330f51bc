import type { Kysely } from 'kysely'
import { runSql } from './run-sql.ts'

// Enforcement runs and their rollbacks. Each item records the provider state before and after,
// so a batch can be undone; the idempotency key makes a retried item a no-op.
export async function up(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `CREATE TABLE action_batches (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      connection_id uuid REFERENCES connections (id) ON DELETE SET NULL,
      provider text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('enforce', 'rollback')),
      rollback_of uuid REFERENCES action_batches (id) ON DELETE SET NULL,
      status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'running', 'completed', 'partially_failed', 'failed', 'cancelled', 'rolled_back')),
      dry_run boolean NOT NULL DEFAULT false,
      options jsonb NOT NULL DEFAULT '{}',
      summary jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      completed_at timestamptz
    )`,
    `CREATE INDEX action_batches_user_created_idx ON action_batches (user_id, created_at DESC)`,
    `CREATE TABLE action_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      batch_id uuid NOT NULL REFERENCES action_batches (id) ON DELETE CASCADE,
      entity_type text NOT NULL CHECK (entity_type IN ('track', 'album', 'artist', 'playlist', 'playlist_item')),
      entity_id text NOT NULL,
      action text NOT NULL,
      idempotency_key text NOT NULL UNIQUE,
      before_state jsonb,
      after_state jsonb,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed', 'skipped', 'rolled_back')),
      error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX action_items_batch_status_idx ON action_items (batch_id, status)`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runSql(db, [`DROP TABLE action_items`, `DROP TABLE action_batches`])
}
