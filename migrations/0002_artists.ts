import type { Kysely } from 'kysely'
import { runSql } from './run-sql.ts'

// The artist catalog. One nullable column per provider keeps upserts simple
// (ON CONFLICT (spotify_id)) and makes "same provider ID, same artist" a database guarantee.
export async function up(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
    `CREATE TABLE artists (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      canonical_name text NOT NULL CHECK (length(canonical_name) BETWEEN 1 AND 300),
      aliases text[] NOT NULL DEFAULT '{}',
      image_url text,
      genres text[] NOT NULL DEFAULT '{}',
      spotify_id text UNIQUE,
      apple_music_id text UNIQUE,
      youtube_music_id text UNIQUE,
      tidal_id text UNIQUE,
      musicbrainz_id uuid UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    // Fuzzy, typo-tolerant name search (similarity / % operator).
    `CREATE INDEX artists_name_trgm_idx ON artists USING gin (lower(canonical_name) gin_trgm_ops)`,
    `CREATE INDEX artists_aliases_idx ON artists USING gin (aliases)`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  // pg_trgm stays: other objects may use it and dropping an extension is not ours to decide.
  await runSql(db, [`DROP TABLE artists`])
}
