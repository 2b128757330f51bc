import { createHash, randomBytes } from 'node:crypto'
import { SignJWT, jwtVerify, errors } from 'jose'

const ISSUER = 'ndith-api'
const AUDIENCE = 'ndith'

export interface AccessTokenIssuer {
  sign(userId: string): Promise<string>
  /** Returns the user id, or undefined for any invalid, expired or forged token. */
  verify(token: string): Promise<string | undefined>
  ttlSeconds: number
}

export function accessTokens(secret: string, ttlSeconds: number, clock: () => Date): AccessTokenIssuer {
  const key = new TextEncoder().encode(secret)
  return {
    ttlSeconds,
    async sign(userId) {
      const now = Math.floor(clock().getTime() / 1000)
      return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + ttlSeconds)
        .sign(key)
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
          currentDate: clock(),
        })
        return payload.sub
      } catch (error) {
        if (error instanceof errors.JOSEError) return undefined
        throw error
      }
    },
  }
}

/** Refresh tokens are opaque random strings; only their SHA-256 is stored. */
export const newRefreshToken = () => randomBytes(32).toString('base64url')
export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex')
