import { randomUUID } from 'node:crypto'
import { failedPasswordRules, type FieldError, type LoginRequest, type RegisterRequest, type Session, type User } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { isUniqueViolation } from '../../db/errors.ts'
import { precompiled } from '../../db/precompiled.ts'
import { AppError, validationError } from '../../lib/app-error.ts'
import { recordAudit, type RequestContext } from '../audit/audit-log.ts'
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.ts'
import type { AuthRateLimits } from './rate-limits.ts'
import * as repo from './repository.ts'
import type { UserRow } from './tables.ts'
import { hashRefreshToken, newRefreshToken, type AccessTokenIssuer } from './tokens.ts'

export interface AuthServiceDeps {
  db: Db
  clock: () => Date
  accessTokens: AccessTokenIssuer
  rateLimits: AuthRateLimits
  refreshTokenTtlSeconds: number
}

/** A signed-in session: the body for the client and the refresh token for the cookie only. */
export interface SessionGrant {
  session: Session
  refreshToken: string
}

const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000'

export const toUser = (row: Pick<UserRow, 'id' | 'email' | 'created_at'>): User => ({ id: row.id, email: row.email, createdAt: row.created_at.toISOString() })

export const passwordErrors = (password: string, email: string): FieldError[] =>
  failedPasswordRules(password, { email }).map((rule) => ({ field: 'password', code: rule.id, message: rule.message }))

/** How long a just-rotated refresh token still works, for a browser that never saw the response. */
export const ROTATION_GRACE_MS = 30_000

export function authService(deps: AuthServiceDeps) {
  const { db, clock } = deps
  // The two reads every authenticated request makes, compiled once (see precompiled.ts).
  const accountById = precompiled(db, db.selectFrom('users').select(['id', 'email', 'created_at']).where('id', '=', PLACEHOLDER_ID))
  const accountExists = precompiled(db, db.selectFrom('users').select('id').where('id', '=', PLACEHOLDER_ID))

  /** Inserts a refresh-token row (a new family unless one is given) and signs an access token. */
  async function grant(trx: Db, user: UserRow, ctx: RequestContext, familyId: string = randomUUID()) {
    const refreshToken = newRefreshToken()
    const row = await repo.insertSession(trx, {
      user_id: user.id,
      family_id: familyId,
      token_hash: hashRefreshToken(refreshToken),
      expires_at: new Date(clock().getTime() + deps.refreshTokenTtlSeconds * 1000),
      user_agent: ctx.userAgent?.slice(0, 500) ?? null,
      ip: ctx.ip,
    })
    const session: Session = {
      user: toUser(user),
      accessToken: await deps.accessTokens.sign(user.id),
      tokenType: 'Bearer',
      expiresIn: deps.accessTokens.ttlSeconds,
    }
    return { grant: { session, refreshToken }, sessionId: row.id, familyId: row.family_id }
  }

  return {
    async register(input: RegisterRequest, ctx: RequestContext): Promise<SessionGrant> {
      const email = input.email.trim()
      const failed = passwordErrors(input.password, email)
      if (failed.length > 0) throw validationError(failed)
      await deps.rateLimits.register(ctx.ip ?? 'unknown', email)
      if (await repo.findUserByEmail(db, email)) throw new AppError('EMAIL_TAKEN')
      const passwordHash = await hashPassword(input.password)
      try {
        return await db.transaction().execute(async (trx) => {
          const user = await repo.insertUser(trx, email, passwordHash)
          const started = await grant(trx, user, ctx)
          await recordAudit(trx, ctx, { actorId: user.id, action: 'auth.register', subjectType: 'user', subjectId: user.id, after: { email: user.email } })
          return started.grant
        })
      } catch (error) {
        // Two registrations raced past the lookup above: the unique index lets exactly one win.
        if (isUniqueViolation(error)) throw new AppError('EMAIL_TAKEN')
        throw error
      }
    },

    async login(input: LoginRequest, ctx: RequestContext): Promise<SessionGrant> {
      // Counted before the password is checked, so parallel guesses cannot outrun the limit.
      await deps.rateLimits.loginAttempt(ctx.ip ?? 'unknown', input.email)
      const user = await repo.findUserByEmail(db, input.email.trim()).catch(async (error: unknown) => {
        // An outage (503) is not a guess: give the attempt back, or a database restart locks out
        // everyone who tried to sign in meanwhile.
        await deps.rateLimits.loginAborted(input.email)
        throw error
      })
      const valid = user ? await verifyPassword(user.password_hash, input.password) : await verifyAgainstDummy(input.password)
      if (!user || !valid) {
        await db.transaction().execute((trx) =>
          recordAudit(trx, ctx, {
            actorId: user?.id ?? null,
            action: 'auth.login_failed',
            subjectType: 'user',
            subjectId: user?.id ?? null,
            after: { reason: user ? 'wrong_password' : 'unknown_email' },
          }),
        )
        throw new AppError('INVALID_CREDENTIALS')
      }
      await deps.rateLimits.loginSucceeded(input.email)
      return db.transaction().execute(async (trx) => {
        const started = await grant(trx, user, ctx)
        await recordAudit(trx, ctx, { actorId: user.id, action: 'auth.login', subjectType: 'session', subjectId: started.familyId })
        return started.grant
      })
    },

    /**
     * Rotates the refresh token. Presenting a token that was already rotated means it was copied:
     * the whole family is revoked (the thief and the owner both sign in again) and audited —
     * unless it was rotated moments ago (ROTATION_GRACE_MS) and the family is still live, which is
     * a browser that lost the response (a reload mid-refresh, two tabs at once): it gets a new token.
     */
    async refresh(refreshToken: string | undefined, ctx: RequestContext): Promise<SessionGrant> {
      if (!refreshToken) throw new AppError('SESSION_EXPIRED')
      const now = clock()
      const outcome = await db.transaction().execute(async (trx) => {
        const current = await repo.findSessionForUpdate(trx, hashRefreshToken(refreshToken))
        if (!current || current.expires_at <= now) return { kind: 'invalid' as const }
        const lostResponse = current.revoked_reason === 'rotated' && now.getTime() - current.revoked_at!.getTime() <= ROTATION_GRACE_MS
        if (current.revoked_at && !lostResponse) {
          if (current.revoked_reason !== 'rotated') return { kind: 'invalid' as const }
          const revoked = await repo.revokeFamily(trx, current.family_id, 'reuse_detected', now)
          await recordAudit(trx, ctx, {
            actorId: current.user_id,
            action: 'auth.refresh_reuse_detected',
            subjectType: 'session',
            subjectId: current.family_id,
            after: { revokedSessions: revoked },
          })
          return { kind: 'reused' as const }
        }
        if (lostResponse && !(await repo.familyIsActive(trx, current.family_id))) return { kind: 'invalid' as const }
        const user = await repo.findUserById(trx, current.user_id)
        if (!user) return { kind: 'invalid' as const }
        const next = await grant(trx, user, ctx, current.family_id)
        if (!lostResponse) await repo.markRotated(trx, current.id, next.sessionId, now)
        await recordAudit(trx, ctx, {
          actorId: user.id,
          action: 'auth.refresh',
          subjectType: 'session',
          subjectId: current.family_id,
          after: lostResponse ? { withinRotationGrace: true } : undefined,
        })
        return { kind: 'rotated' as const, grant: next.grant }
      })
      if (outcome.kind !== 'rotated') throw new AppError('SESSION_EXPIRED')
      return outcome.grant
    },

    /** Revokes the cookie's session family. Idempotent: without a live session it does nothing. */
    async logout(refreshToken: string | undefined, ctx: RequestContext): Promise<void> {
      if (!refreshToken) return
      await db.transaction().execute(async (trx) => {
        const current = await repo.findSessionForUpdate(trx, hashRefreshToken(refreshToken))
        if (!current || current.revoked_at) return
        await repo.revokeFamily(trx, current.family_id, 'logout', clock())
        await recordAudit(trx, ctx, { actorId: current.user_id, action: 'auth.logout', subjectType: 'session', subjectId: current.family_id })
      })
    },

    /** For the per-request account check: an account deleted since its token was issued is gone. */
    userExists: async (userId: string) => (await accountExists(userId)).length > 0,

    async me(userId: string): Promise<User> {
      const [user] = await accountById(userId)
      if (!user) throw new AppError('UNAUTHENTICATED')
      return toUser(user)
    },
  }
}

export type AuthService = ReturnType<typeof authService>
