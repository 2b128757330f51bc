import type { Kysely } from 'kysely'
import { runSql } from './run-sql.ts'

// For the blocklist product: one searchable text per artist (name and aliases) with a trigram
// index, stored imports awaiting confirmation, and reports on community list items.
export async function up(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    // array_to_string is STABLE only because of other element types; for text[] it is immutable,
    // which a generated column requires.
    `CREATE FUNCTION artist_search_text(name text, aliases text[]) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT lower(name || ' ' || array_to_string(aliases, ' ')) $$`,
    `ALTER TABLE artists ADD COLUMN search_text text GENERATED ALWAYS AS (artist_search_text(canonical_name, aliases)) STORED`,
    `CREATE INDEX artists_search_text_trgm_idx ON artists USING gin (search_text gin_trgm_ops)`,
    `CREATE INDEX artists_name_lower_idx ON artists (lower(canonical_name))`,
    `CREATE TABLE blocklist_imports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      format text NOT NULL CHECK (format IN ('csv', 'json')),
      status text NOT NULL DEFAULT 'previewed' CHECK (status IN ('previewed', 'confirmed')),
      rows jsonb NOT NULL,
      summary jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      confirmed_at timestamptz
    )`,
    `CREATE INDEX blocklist_imports_user_idx ON blocklist_imports (user_id, created_at DESC)`,
    `CREATE TABLE community_list_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      list_id uuid NOT NULL REFERENCES community_lists (id) ON DELETE CASCADE,
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      reporter_id uuid REFERENCES users (id) ON DELETE SET NULL,
      reason text NOT NULL CHECK (reason IN ('inaccurate', 'no_evidence', 'harassment', 'duplicate', 'other')),
      details text NOT NULL DEFAULT '' CHECK (length(details) <= 2000),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'dismissed')),
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX community_list_reports_list_idx ON community_list_reports (list_id, status)`,
    `CREATE INDEX community_list_reports_reporter_idx ON community_list_reports (reporter_id)`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `DROP TABLE community_list_reports`,
    `DROP TABLE blocklist_imports`,
    `DROP INDEX artists_name_lower_idx`,
    `DROP INDEX artists_search_text_trgm_idx`,
    `ALTER TABLE artists DROP COLUMN search_text`,
    `DROP FUNCTION artist_search_text(text, text[])`,
  ])
}
