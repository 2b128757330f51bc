import type { ActiveSession, ChangePasswordRequest, FieldError } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { AppError, validationError } from '../../lib/app-error.ts'
import { recordAudit, type RequestContext } from '../audit/audit-log.ts'
import { hashPassword, verifyPassword } from '../auth/passwords.ts'
import { findUserById } from '../auth/repository.ts'
import { passwordErrors } from '../auth/service.ts'
import { hashRefreshToken } from '../auth/tokens.ts'
import * as repo from './repository.ts'

/**
 * The signed-in user's password and sessions. `refreshToken` is the request's refresh cookie: it
 * names the current session (kept on a password change, marked in the list).
 */
export function sessionService({ db, clock }: { db: Db; clock: () => Date }) {
  const currentFamily = (trx: Db, userId: string, refreshToken: string | undefined) =>
    refreshToken ? repo.familyOfToken(trx, userId, hashRefreshToken(refreshToken), clock()) : Promise.resolve(undefined)

  return {
    async changePassword(userId: string, refreshToken: string | undefined, input: ChangePasswordRequest, ctx: RequestContext) {
      const user = await findUserById(db, userId)
      if (!user) throw new AppError('UNAUTHENTICATED')
      if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
        throw validationError([{ field: 'currentPassword', code: 'incorrect', message: 'The current password is not correct' }])
      }
      const problems: FieldError[] = passwordErrors(input.newPassword, user.email).map((error) => ({ ...error, field: 'newPassword' }))
      if (input.newPassword === input.currentPassword) {
        problems.push({ field: 'newPassword', code: 'unchanged', message: 'The new password must differ from the current one' })
      }
      if (problems.length > 0) throw validationError(problems)
      const passwordHash = await hashPassword(input.newPassword)
      return db.transaction().execute(async (trx) => {
        const now = clock()
        const keep = await currentFamily(trx, userId, refreshToken)
        await repo.updatePasswordHash(trx, userId, passwordHash, now)
        const signedOut = await repo.revokeSessions(trx, userId, 'password_changed', now, { except: keep })
        await recordAudit(trx, ctx, { actorId: userId, action: 'auth.password_changed', subjectType: 'user', subjectId: userId, after: { otherSessionsSignedOut: signedOut } })
        return { otherSessionsSignedOut: signedOut }
      })
    },

    async list(userId: string, refreshToken: string | undefined): Promise<ActiveSession[]> {
      const [rows, current] = await Promise.all([repo.liveSessions(db, userId, clock()), currentFamily(db, userId, refreshToken)])
      return rows.map((row) => ({
        id: row.family_id,
        userAgent: row.user_agent,
        ip: row.ip,
        createdAt: new Date(row.started_at ?? row.last_used_at).toISOString(),
        lastUsedAt: row.last_used_at.toISOString(),
        current: row.family_id === current,
      }))
    },

    /** Signs out one session; returns whether it was the current one (its cookie is then cleared). */
    async revoke(userId: string, familyId: string, refreshToken: string | undefined, ctx: RequestContext): Promise<{ wasCurrent: boolean }> {
      return db.transaction().execute(async (trx) => {
        const revoked = await repo.revokeSessions(trx, userId, 'logout', clock(), { only: familyId })
        if (revoked === 0) throw new AppError('NOT_FOUND', 'No active session with this id')
        await recordAudit(trx, ctx, { actorId: userId, action: 'auth.session_revoked', subjectType: 'session', subjectId: familyId })
        return { wasCurrent: (await currentFamily(trx, userId, refreshToken)) === familyId }
      })
    },

    async signOutEverywhere(userId: string, ctx: RequestContext): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const revoked = await repo.revokeSessions(trx, userId, 'logout', clock())
        await recordAudit(trx, ctx, { actorId: userId, action: 'auth.signed_out_everywhere', subjectType: 'user', subjectId: userId, after: { sessionsSignedOut: revoked } })
      })
    },
  }
}

export type SessionService = ReturnType<typeof sessionService>
