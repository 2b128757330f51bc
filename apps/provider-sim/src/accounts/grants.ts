import { createHash, randomBytes } from 'node:crypto'
import type { Clock } from '../clock.ts'

// What the accounts service remembers: pending consent screens, authorization codes, grants (one per
// approval, holding the current refresh token) and access tokens. Tokens are random, never derived.

export interface PendingAuthorization {
  id: string
  clientId: string
  redirectUri: string
  scopes: string[]
  state: string | undefined
  codeChallenge: string
  expiresAt: number
}

export interface AuthorizationCode {
  code: string
  clientId: string
  redirectUri: string
  scopes: string[]
  userId: string
  codeChallenge: string
  expiresAt: number
  used: boolean
}

export interface Grant {
  id: string
  userId: string
  clientId: string
  scopes: string[]
  refreshToken: string
  revoked: boolean
}

export interface AccessToken {
  token: string
  grantId: string
  userId: string
  clientId: string
  scopes: string[]
  expiresAt: number
}

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url')

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url')
}

export class GrantStore {
  readonly pending = new Map<string, PendingAuthorization>()
  readonly codes = new Map<string, AuthorizationCode>()
  readonly grants = new Map<string, Grant>()
  readonly accessTokens = new Map<string, AccessToken>()

  constructor(
    private readonly clock: Clock,
    private readonly accessTokenTtlSeconds: number,
  ) {}

  issueAccessToken(grant: Grant): AccessToken {
    const token: AccessToken = {
      token: randomToken(),
      grantId: grant.id,
      userId: grant.userId,
      clientId: grant.clientId,
      scopes: grant.scopes,
      expiresAt: this.clock.now() + this.accessTokenTtlSeconds * 1000,
    }
    this.accessTokens.set(token.token, token)
    return token
  }

  createGrant(code: AuthorizationCode): Grant {
    const grant: Grant = { id: randomToken(12), userId: code.userId, clientId: code.clientId, scopes: code.scopes, refreshToken: randomToken(), revoked: false }
    this.grants.set(grant.id, grant)
    return grant
  }

  grantByRefreshToken(refreshToken: string): Grant | undefined {
    for (const grant of this.grants.values()) if (grant.refreshToken === refreshToken) return grant
    return undefined
  }

  /** The user withdrew the app's access (Spotify: "Remove access"): refresh answers invalid_grant, tokens 401. */
  revokeUser(userId: string): number {
    let count = 0
    for (const grant of this.grants.values()) {
      if (grant.userId === userId && !grant.revoked) {
        grant.revoked = true
        count++
      }
    }
    return count
  }

  clear() {
    this.pending.clear()
    this.codes.clear()
    this.grants.clear()
    this.accessTokens.clear()
  }
}
