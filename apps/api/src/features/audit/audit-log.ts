import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.ts'

/** Who asked, from where: copied onto every audit row. */
export interface RequestContext {
  requestId: string
  ip: string | null
  userAgent: string | null
}

export interface AuditEntry {
  actorId: string | null
  action: string
  subjectType: string
  subjectId: string | null
  before?: unknown
  after?: unknown
}

/**
 * Writes one audit row. Call it with the transaction that makes the change, so the change and
 * its audit row commit or roll back together.
 */
export async function recordAudit(trx: Kysely<Database>, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: ctx.ip,
      user_agent: ctx.userAgent,
      request_id: ctx.requestId,
    })
    .execute()
}
