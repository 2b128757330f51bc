import type { ColumnType, Generated, Insertable } from 'kysely'

export interface AuditLogTable {
  id: Generated<string>
  actor_id: string | null
  action: string
  subject_type: string
  subject_id: string | null
  // Updatable only to null: account deletion scrubs personal data, nothing else rewrites history.
  before: ColumnType<unknown, string | null | undefined, null>
  after: ColumnType<unknown, string | null | undefined, null>
  ip: string | null
  user_agent: string | null
  request_id: string | null
  created_at: ColumnType<Date, Date | undefined, never>
}

export type NewAuditEntry = Insertable<AuditLogTable>
