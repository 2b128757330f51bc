import type { Kysely } from 'kysely'
import { runSql } from './run-sql.ts'

// Streaming-provider accounts. Tokens are stored only encrypted (AES-GCM, base64 of
// iv|ciphertext|tag) with the id of the key that sealed them, so keys can rotate.
export async function up(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `CREATE TABLE connections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      provider text NOT NULL CHECK (provider IN ('spotify', 'apple_music', 'youtube_music', 'tidal')),
      provider_user_id text NOT NULL,
      scopes text[] NOT NULL DEFAULT '{}',
      access_token_encrypted text,
      refresh_token_encrypted text,
      encryption_key_id text,
      expires_at timestamptz,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'expired', 'revoked', 'error')),
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (user_id, provider),
      -- one provider account belongs to one listener
      UNIQUE (provider, provider_user_id),
      CHECK ((access_token_encrypted IS NULL AND refresh_token_encrypted IS NULL) OR encryption_key_id IS NOT NULL)
    )`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runSql(db, [`DROP TABLE connections`])
}
