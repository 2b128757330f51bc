import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>

export interface UsersTable {
  id: Generated<string>
  email: string
  password_hash: string
  /** Shown on the user's community lists; null for the generated "Listener 6a6cfc". */
  display_name: ColumnType<string | null, string | null | undefined, string | null>
  created_at: CreatedAt
  updated_at: UpdatedAt
}

export type RevokedReason = 'rotated' | 'logout' | 'reuse_detected' | 'password_changed' | 'account_deleted'

export interface AuthSessionsTable {
  id: Generated<string>
  user_id: string
  family_id: string
  token_hash: string
  expires_at: ColumnType<Date, Date, Date>
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  revoked_reason: RevokedReason | null
  replaced_by: string | null
  user_agent: string | null
  ip: string | null
  created_at: CreatedAt
  last_used_at: ColumnType<Date | null, Date | null | undefined, Date | null>
}

export type UserRow = Selectable<UsersTable>
export type AuthSessionRow = Selectable<AuthSessionsTable>
export type NewAuthSession = Insertable<AuthSessionsTable>
