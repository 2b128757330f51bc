import Type, { type Static } from 'typebox'
import { PASSWORD_MAX_LENGTH } from './password-policy.ts'

export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 })

export const RegisterRequest = Type.Object(
  {
    email: Email,
    // Length is also a policy rule; the schema bound only stops absurd payloads before hashing.
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH * 4 }),
  },
  { additionalProperties: false, $id: 'RegisterRequest' },
)
export type RegisterRequest = Static<typeof RegisterRequest>

export const LoginRequest = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH * 4 }),
  },
  { additionalProperties: false, $id: 'LoginRequest' },
)
export type LoginRequest = Static<typeof LoginRequest>

export const User = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    email: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
  },
)
export type User = Static<typeof User>

/** Returned by register, login and refresh. The refresh token travels only in an httpOnly cookie. */
export const Session = Type.Object(
  {
    user: User,
    accessToken: Type.String({ description: 'Bearer token for the Authorization header' }),
    tokenType: Type.Literal('Bearer'),
    expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
  },
  { $id: 'Session' },
)
export type Session = Static<typeof Session>

export const MeResponse = Type.Object({ user: User }, { $id: 'MeResponse' })
export type MeResponse = Static<typeof MeResponse>
