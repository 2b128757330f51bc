import type { Migration, MigrationProvider } from 'kysely/migration'
import * as m0001 from './0001_users_and_sessions.ts'
import * as m0002 from './0002_artists.ts'
import * as m0003 from './0003_user_artist_blocks.ts'
import * as m0004 from './0004_connections.ts'
import * as m0005 from './0005_community_lists.ts'
import * as m0006 from './0006_action_batches.ts'
import * as m0007 from './0007_audit_log.ts'
import * as m0008 from './0008_catalog_search_imports_reports.ts'
import * as m0009 from './0009_version_item_added_at.ts'
import * as m0010 from './0010_curator_deletion.ts'
import * as m0011 from './0011_connection_flow.ts'
import * as m0012 from './0012_library_snapshots.ts'
import * as m0013 from './0013_enforcement.ts'
import * as m0014 from './0014_keep_enforced.ts'
import * as m0015 from './0015_search_typos.ts'
import * as m0016 from './0016_display_names.ts'
import * as m0017 from './0017_artist_images.ts'

/**
 * Every migration, in order. Listed statically (not read from disk) so the same list works from
 * source, from a bundle and inside a container image. Add new ones at the end; never edit old ones.
 */
export const migrations: Record<string, Migration> = {
  '0001_users_and_sessions': m0001,
  '0002_artists': m0002,
  '0003_user_artist_blocks': m0003,
  '0004_connections': m0004,
  '0005_community_lists': m0005,
  '0006_action_batches': m0006,
  '0007_audit_log': m0007,
  '0008_catalog_search_imports_reports': m0008,
  '0009_version_item_added_at': m0009,
  '0010_curator_deletion': m0010,
  '0011_connection_flow': m0011,
  '0012_library_snapshots': m0012,
  '0013_enforcement': m0013,
  '0014_keep_enforced': m0014,
  '0015_search_typos': m0015,
  '0016_display_names': m0016,
  '0017_artist_images': m0017,
}

export const migrationProvider: MigrationProvider = { getMigrations: async () => migrations }

export const latestMigration = Object.keys(migrations).at(-1)!

/**
 * Tables the API reads today, so it cannot serve without them (checked by /ready and the health
 * check). A table joins this list with the first feature that reads it. `connections` is read by
 * the account export.
 */
export const requiredTables = [
  'users',
  'auth_sessions',
  'artists',
  'user_artist_blocks',
  'connections',
  'community_lists',
  'audit_log',
  'blocklist_imports',
  'community_list_reports',
  'oauth_authorizations',
  'library_scans',
  'library_playlists',
  'library_items',
  'library_item_artists',
  'enforcement_options',
  'enforcement_plans',
  'action_batches',
  'action_items',
] as const
