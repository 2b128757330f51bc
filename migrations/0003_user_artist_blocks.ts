import type { Kysely } from 'kysely'
import { runSql } from './run-sql.ts'

// The personal Do-Not-Play list. Deleting a user removes their list; an artist someone blocks
// cannot be deleted from the catalog (RESTRICT), so a list never silently loses entries.
export async function up(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `CREATE TABLE user_artist_blocks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE RESTRICT,
      tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 10),
      note text CHECK (length(note) <= 1000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (user_id, artist_id)
    )`,
    `CREATE INDEX user_artist_blocks_user_created_idx ON user_artist_blocks (user_id, created_at DESC)`,
    `CREATE INDEX user_artist_blocks_artist_idx ON user_artist_blocks (artist_id)`,
    `CREATE INDEX user_artist_blocks_tags_idx ON user_artist_blocks USING gin (tags)`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runSql(db, [`DROP TABLE user_artist_blocks`])
}
