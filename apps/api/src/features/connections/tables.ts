import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type Timestamp = ColumnType<Date, Date | string, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>

export type ConnectionStatus = 'active' | 'needs_reauth' | 'error'

/** A listener's account at a streaming provider. Tokens exist here only sealed (token-vault.ts). */
export interface ConnectionsTable {
  id: Generated<string>
  user_id: string
  provider: string
  /** The provider's id of the account (Spotify: `/me`'s id). */
  provider_user_id: string
  display_name: string | null
  scopes: ColumnType<string[], string[] | undefined, string[]>
  access_token_encrypted: string | null
  access_token_key_id: string | null
  refresh_token_encrypted: string | null
  refresh_token_key_id: string | null
  /** When the access token expires. */
  expires_at: NullableTimestamp
  token_refreshed_at: NullableTimestamp
  status: ColumnType<ConnectionStatus, ConnectionStatus | undefined, ConnectionStatus>
  last_error: string | null
  last_scanned_at: NullableTimestamp
  /** The completed scan whose snapshot is the library as we know it (features/library). */
  current_scan_id: string | null
  /** Keep it enforced (features/enforcement/keep-enforced.ts): opted in, items a day, a change waiting. */
  keep_enforced: ColumnType<boolean, boolean | undefined, boolean>
  keep_daily_limit: ColumnType<number, number | undefined, number>
  keep_pending: ColumnType<boolean, boolean | undefined, boolean>
  /** The list's artist ids as last enforced on this account; null until keeping was first turned on. */
  enforced_artist_ids: ColumnType<string[] | null, string | null | undefined, string | null>
  keep_updated_at: NullableTimestamp
  created_at: CreatedAt
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

/** A sign-in that went to the provider and has not come back yet. */
export interface OAuthAuthorizationsTable {
  id: Generated<string>
  state_hash: string
  user_id: string
  provider: string
  code_verifier_encrypted: string
  code_verifier_key_id: string
  redirect_uri: string
  return_to: string | null
  scopes: string[]
  created_at: CreatedAt
  expires_at: Timestamp
  consumed_at: NullableTimestamp
}

export type ConnectionRow = Selectable<ConnectionsTable>
export type NewConnection = Insertable<ConnectionsTable>
export type OAuthAuthorizationRow = Selectable<OAuthAuthorizationsTable>
export type NewOAuthAuthorization = Insertable<OAuthAuthorizationsTable>
