import type { Kysely } from 'kysely'
import { runSql } from './run-sql.ts'

// Keep it enforced: per connection, an opt-in to remove automatically what a change of the list adds.
// `enforced_artist_ids` is the list as it was last enforced on the account (the baseline a change is
// measured against); `keep_pending` says a change waits to be handled (the sweep retries those).
// Automatic runs are ordinary runs marked `automatic`, with what triggered them in words.
export async function up(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `ALTER TABLE connections
      ADD COLUMN keep_enforced boolean NOT NULL DEFAULT false,
      ADD COLUMN keep_daily_limit integer NOT NULL DEFAULT 200 CHECK (keep_daily_limit BETWEEN 1 AND 10000),
      ADD COLUMN keep_pending boolean NOT NULL DEFAULT false,
      ADD COLUMN enforced_artist_ids jsonb,
      ADD COLUMN keep_updated_at timestamptz`,
    `CREATE INDEX connections_keep_pending_idx ON connections (id) WHERE keep_enforced AND keep_pending`,
    `ALTER TABLE action_batches
      ADD COLUMN automatic boolean NOT NULL DEFAULT false,
      ADD COLUMN trigger text`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `ALTER TABLE action_batches DROP COLUMN automatic, DROP COLUMN trigger`,
    `DROP INDEX connections_keep_pending_idx`,
    `ALTER TABLE connections DROP COLUMN keep_enforced, DROP COLUMN keep_daily_limit, DROP COLUMN keep_pending,
      DROP COLUMN enforced_artist_ids, DROP COLUMN keep_updated_at`,
  ])
}
