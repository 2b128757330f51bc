import type { Db } from '../../db/database.ts'
import { AppError, validationError } from '../../lib/app-error.ts'
import { recordAudit, type RequestContext } from '../audit/audit-log.ts'
import { verifyPassword } from '../auth/passwords.ts'
import { findUserById } from '../auth/repository.ts'
import { collectUserData, deleteUnpublishedLists, deleteUser, scrubAuditRows } from './repository.ts'

export function accountService(db: Db, clock: () => Date) {
  return {
    async exportData(userId: string, ctx: RequestContext) {
      const data = await collectUserData(db, userId)
      await db.transaction().execute((trx) => recordAudit(trx, ctx, { actorId: userId, action: 'account.exported', subjectType: 'user', subjectId: userId }))
      return { exportedAt: clock().toISOString(), ...data }
    },

    /**
     * Deletes the account after the password is re-entered. Its data goes, with its unpublished
     * community lists; published lists stay for their subscribers; audit rows stay, anonymised.
     */
    async deleteAccount(userId: string, password: string, ctx: RequestContext): Promise<void> {
      const user = await findUserById(db, userId)
      if (!user) throw new AppError('UNAUTHENTICATED')
      if (!(await verifyPassword(user.password_hash, password))) {
        throw validationError([{ field: 'password', code: 'incorrect', message: 'The password is not correct' }])
      }
      await db.transaction().execute(async (trx) => {
        await scrubAuditRows(trx, userId)
        await recordAudit(trx, { requestId: ctx.requestId, ip: null, userAgent: null }, { actorId: null, action: 'account.deleted', subjectType: 'user', subjectId: userId })
        await deleteUnpublishedLists(trx, userId)
        await deleteUser(trx, userId)
      })
    },
  }
}

export type AccountService = ReturnType<typeof accountService>
