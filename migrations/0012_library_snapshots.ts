import type { Kysely } from 'kysely'
import { runSql } from './run-sql.ts'

// A connected library as last scanned: saved tracks and albums, followed artists, and the items of
// playlists the listener owns or collaborates on, each with its artists (catalog ids) and their role.
// A scan writes rows under its own id while it runs; finishing points the connection at it in the
// same transaction that drops the previous scan, so readers see the old snapshot or the new, never half.
// 'spotify_simulated' is the development simulator: the same adapter, another base URL and account.
export async function up(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `ALTER TABLE connections DROP CONSTRAINT connections_provider_check`,
    `ALTER TABLE connections ADD CONSTRAINT connections_provider_check
      CHECK (provider IN ('spotify', 'spotify_simulated', 'apple_music', 'youtube_music', 'tidal'))`,
    `CREATE TABLE library_scans (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      connection_id uuid NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
      phase text,
      pages_done integer NOT NULL DEFAULT 0,
      items_found integer NOT NULL DEFAULT 0,
      retries integer NOT NULL DEFAULT 0,
      error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      completed_at timestamptz
    )`,
    // One scan at a time per connection.
    `CREATE UNIQUE INDEX library_scans_one_active_idx ON library_scans (connection_id) WHERE status IN ('queued', 'running')`,
    `ALTER TABLE connections ADD COLUMN current_scan_id uuid REFERENCES library_scans (id) ON DELETE SET NULL`,
    `CREATE TABLE library_playlists (
      scan_id uuid NOT NULL REFERENCES library_scans (id) ON DELETE CASCADE,
      playlist_id text NOT NULL,
      name text NOT NULL,
      owner_id text NOT NULL,
      owned boolean NOT NULL,
      collaborative boolean NOT NULL,
      snapshot_id text NOT NULL,
      item_count integer NOT NULL,
      PRIMARY KEY (scan_id, playlist_id)
    )`,
    `CREATE TABLE library_items (
      id uuid PRIMARY KEY,
      scan_id uuid NOT NULL REFERENCES library_scans (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('saved_track', 'saved_album', 'followed_artist', 'playlist_item')),
      uri text NOT NULL,
      name text NOT NULL,
      playlist_id text,
      position integer,
      added_at timestamptz,
      CHECK ((kind = 'playlist_item') = (playlist_id IS NOT NULL AND position IS NOT NULL))
    )`,
    `CREATE INDEX library_items_scan_idx ON library_items (scan_id, kind)`,
    `CREATE TABLE library_item_artists (
      item_id uuid NOT NULL REFERENCES library_items (id) ON DELETE CASCADE,
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('primary', 'featured')),
      PRIMARY KEY (item_id, artist_id)
    )`,
    `CREATE INDEX library_item_artists_artist_idx ON library_item_artists (artist_id)`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `ALTER TABLE connections DROP COLUMN current_scan_id`,
    `DROP TABLE library_item_artists`,
    `DROP TABLE library_items`,
    `DROP TABLE library_playlists`,
    `DROP TABLE library_scans`,
    `DELETE FROM connections WHERE provider = 'spotify_simulated'`,
    `ALTER TABLE connections DROP CONSTRAINT connections_provider_check`,
    `ALTER TABLE connections ADD CONSTRAINT connections_provider_check
      CHECK (provider IN ('spotify', 'apple_music', 'youtube_music', 'tidal'))`,
  ])
}
