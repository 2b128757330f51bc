import { createHash, randomBytes } from 'node:crypto'
import { SignJWT, jwtVerify, errors } from 'jose'

const ISSUER = 'ndith-api'
const AUDIENCE = 'ndith'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface AccessTokenIssuer {
  sign(userId: string): Promise<string>
  /** Returns the user id, or undefined for any invalid, expired or forged token. */
  verify(token: string): Promise<string | undefined>
  ttlSeconds: number
}

/** How many verified tokens are remembered (about 100 bytes each); the oldest is forgotten first. */
const VERIFIED_TOKENS = 10_000

export function accessTokens(secret: string, ttlSeconds: number, clock: () => Date): AccessTokenIssuer {
  // A token that verified once (signature, issuer, audience, claims) verifies again until it
  // expires: the same string always carries the same claims under the same key. So only its expiry
  // is checked on the next requests, instead of an HMAC per request.
  const verified = new Map<string, { sub: string; exp: number }>()
  // Imported once: given raw bytes, jose would import the HMAC key again on every sign and verify.
  const key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
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
        .sign(await key)
    },
    async verify(token) {
      const known = verified.get(token)
      // jose's rule: expired when exp <= now (whole seconds).
      if (known) return known.exp > Math.floor(clock().getTime() / 1000) ? known.sub : undefined
      try {
        const { payload } = await jwtVerify(token, await key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
          currentDate: clock(),
          // A token without an expiry would be valid forever: refuse it even when correctly signed.
          requiredClaims: ['exp', 'iat', 'sub'],
        })
        // Only our own user ids (UUIDs) are subjects; anything else is a bad token, not a bad request.
        if (typeof payload.sub !== 'string' || !UUID.test(payload.sub)) return undefined
        if (verified.size >= VERIFIED_TOKENS) verified.delete(verified.keys().next().value!)
        verified.set(token, { sub: payload.sub, exp: payload.exp! })
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
