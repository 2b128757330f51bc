import Type, { type Static } from 'typebox'
import { PASSWORD_MAX_LENGTH } from './password-policy.ts'
import { DateTime, Nullable, Uuid } from './schemas.ts'

export const ChangePasswordRequest = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH * 4 }),
    newPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH * 4 }),
  },
  { additionalProperties: false, $id: 'ChangePasswordRequest' },
)
export type ChangePasswordRequest = Static<typeof ChangePasswordRequest>

export const ChangePasswordResponse = Type.Object({
  /** How many other sessions were signed out; this one stays signed in. */
  otherSessionsSignedOut: Type.Integer({ minimum: 0 }),
})
export type ChangePasswordResponse = Static<typeof ChangePasswordResponse>

/** One signed-in device: every refresh token descended from one sign-in. */
export const ActiveSession = Type.Object({
  id: Uuid,
  userAgent: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  /** When this sign-in happened. */
  createdAt: DateTime,
  /** When the session last renewed its token (it does so on every visit). */
  lastUsedAt: DateTime,
  /** The session making this request. */
  current: Type.Boolean(),
})
export type ActiveSession = Static<typeof ActiveSession>

export const ActiveSessionList = Type.Object({ sessions: Type.Array(ActiveSession) })
export type ActiveSessionList = Static<typeof ActiveSessionList>

export const SessionParams = Type.Object({ id: Uuid })
