import type { Kysely } from 'kysely'
import { runSql } from './run-sql.ts'

// Community lists: a mutable draft (community_list_items), immutable published versions
// (community_list_versions + their item snapshots) and subscriptions pinned to a version or
// following the latest accepted one. A list outlives its owner's account (owner_id SET NULL)
// so subscribers keep what they subscribed to.
export async function up(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `CREATE TABLE community_lists (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
      criteria text NOT NULL CHECK (length(criteria) BETWEEN 1 AND 2000),
      update_cadence text NOT NULL DEFAULT 'ad_hoc' CHECK (update_cadence IN ('ad_hoc', 'weekly', 'monthly', 'quarterly')),
      visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'unlisted', 'private')),
      current_version integer,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX community_lists_owner_idx ON community_lists (owner_id)`,
    `CREATE INDEX community_lists_name_trgm_idx ON community_lists USING gin (lower(name) gin_trgm_ops)`,
    `CREATE TABLE community_list_items (
      list_id uuid NOT NULL REFERENCES community_lists (id) ON DELETE CASCADE,
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE RESTRICT,
      rationale text NOT NULL CHECK (length(rationale) BETWEEN 1 AND 1000),
      evidence_url text CHECK (length(evidence_url) <= 2000),
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (list_id, artist_id)
    )`,
    `CREATE INDEX community_list_items_artist_idx ON community_list_items (artist_id)`,
    `CREATE TABLE community_list_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      list_id uuid NOT NULL REFERENCES community_lists (id) ON DELETE CASCADE,
      version integer NOT NULL CHECK (version > 0),
      changelog text CHECK (length(changelog) <= 2000),
      item_count integer NOT NULL,
      published_by uuid REFERENCES users (id) ON DELETE SET NULL,
      published_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (list_id, version)
    )`,
    `CREATE TABLE community_list_version_items (
      version_id uuid NOT NULL REFERENCES community_list_versions (id) ON DELETE CASCADE,
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE RESTRICT,
      rationale text NOT NULL,
      evidence_url text,
      PRIMARY KEY (version_id, artist_id)
    )`,
    `CREATE INDEX community_list_version_items_artist_idx ON community_list_version_items (artist_id)`,
    // Published versions are immutable: updates are refused by the database itself.
    `CREATE FUNCTION forbid_published_version_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'published community list versions are immutable' USING ERRCODE = 'restrict_violation';
      END $$`,
    `CREATE TRIGGER community_list_versions_immutable BEFORE UPDATE ON community_list_versions
      FOR EACH ROW EXECUTE FUNCTION forbid_published_version_update()`,
    `CREATE TRIGGER community_list_version_items_immutable BEFORE UPDATE ON community_list_version_items
      FOR EACH ROW EXECUTE FUNCTION forbid_published_version_update()`,
    // pinned_version set = pinned; NULL = auto-update, counting only up to accepted_version
    // until the subscriber has seen the newer version's diff.
    `CREATE TABLE community_list_subscriptions (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      list_id uuid NOT NULL REFERENCES community_lists (id) ON DELETE CASCADE,
      pinned_version integer CHECK (pinned_version > 0),
      accepted_version integer NOT NULL CHECK (accepted_version > 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, list_id)
    )`,
    `CREATE INDEX community_list_subscriptions_list_idx ON community_list_subscriptions (list_id)`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `DROP TABLE community_list_subscriptions`,
    `DROP TABLE community_list_version_items`,
    `DROP TABLE community_list_versions`,
    `DROP FUNCTION forbid_published_version_update()`,
    `DROP TABLE community_list_items`,
    `DROP TABLE community_lists`,
  ])
}
