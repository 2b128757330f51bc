import type { Kysely } from 'kysely'
import { runSql } from './run-sql.ts'

// Published snapshots keep when each artist joined the list, as the draft does. Existing rows take
// the draft's time when it predates the version, else the first version that carried the artist.
export async function up(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `ALTER TABLE community_list_version_items ADD COLUMN added_at timestamptz`,
    // Snapshots are immutable (0005's trigger); this one-time backfill is the exception.
    `ALTER TABLE community_list_version_items DISABLE TRIGGER community_list_version_items_immutable`,
    `UPDATE community_list_version_items vi SET added_at = coalesce(
      (SELECT i.added_at FROM community_list_versions v
        JOIN community_list_items i ON i.list_id = v.list_id AND i.artist_id = vi.artist_id
        WHERE v.id = vi.version_id AND i.added_at <= v.published_at),
      (SELECT min(first.published_at) FROM community_list_versions v
        JOIN community_list_versions first ON first.list_id = v.list_id
        JOIN community_list_version_items carried ON carried.version_id = first.id AND carried.artist_id = vi.artist_id
        WHERE v.id = vi.version_id))`,
    `ALTER TABLE community_list_version_items ENABLE TRIGGER community_list_version_items_immutable`,
    `ALTER TABLE community_list_version_items ALTER COLUMN added_at SET NOT NULL`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runSql(db, [`ALTER TABLE community_list_version_items DROP COLUMN added_at`])
}
