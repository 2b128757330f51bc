import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Connection, ConnectionProviderId, ConnectionsOverview, LibraryScan } from '@ndith/contracts'
import type { Database } from '../../db/database.ts'
import { isUniqueViolation } from '../../db/errors.ts'
import { AppError, validationError } from '../../lib/app-error.ts'
import { recordAudit, type RequestContext } from '../audit/audit-log.ts'
import { sealAccessToken, sealRefreshToken } from './connection-secrets.ts'
import { codeChallengeS256, createCodeVerifier, createState, hashState } from './pkce.ts'
import { ProviderError, ProviderRequestError } from './provider-errors.ts'
import type { AccessTokenSource, StreamingProvider, TokenGrant } from './provider.ts'
import { isSafeReturnPath, redirectUriProblem } from './redirect-uri.ts'
import * as repo from './repository.ts'
import type { PublicConnectionRow } from './repository.ts'
import type { TokenVault } from './token-vault.ts'

export interface ConnectionsServiceDeps {
  db: Kysely<Database>
  vault: TokenVault
  /** Adapters by what the listener connects ('spotify', 'spotify_simulated'). */
  providers: Partial<Record<ConnectionProviderId, StreamingProvider>>
  clock: () => Date
  /** How long a listener has to finish signing in at the provider (default 10 minutes). */
  authorizationTtlSeconds?: number
  /** The redirect URI providers send the browser back to (the API's callback, on a loopback IP or https). */
  callbackUrl?: string
  /** The latest library scan of each connection (the library feature's), shown with the connection. */
  latestScans?: (connectionIds: string[]) => Promise<Map<string, LibraryScan>>
}

/**
 * The redirect URI for an app at `appUrl`: its /api callback, on 127.0.0.1 when the app is on
 * localhost — Spotify refuses `localhost` redirect URIs and accepts loopback IPs and https.
 */
export function callbackUrlFor(appUrl: string): string {
  const url = new URL('/api/v1/connections/callback', appUrl)
  if (url.hostname === 'localhost') url.hostname = '127.0.0.1'
  return url.toString()
}

/** A connection as the listener may see it (never a token); the library feature adds its scan. */
export type ConnectionView = Omit<Connection, 'scan'>

export const toConnectionView = (row: PublicConnectionRow): ConnectionView => ({
  id: row.id,
  provider: row.provider as ConnectionProviderId,
  accountId: row.provider_user_id,
  displayName: row.display_name,
  scopes: row.scopes,
  status: row.status,
  lastError: row.status === 'active' ? null : row.last_error,
  lastScannedAt: row.last_scanned_at?.toISOString() ?? null,
  connectedAt: row.created_at.toISOString(),
})

const auditedFields = (row: { provider: string; provider_user_id: string; display_name: string | null; scopes: string[]; status: string }) => ({
  provider: row.provider,
  accountId: row.provider_user_id,
  displayName: row.display_name,
  scopes: row.scopes,
  status: row.status,
})

/** A token source for the minutes between the code exchange and storing the connection. */
const justIssued = (grant: TokenGrant): AccessTokenSource => ({
  current: async () => grant.accessToken,
  afterRejected: async () => {
    throw new AppError('PROVIDER_UNAVAILABLE', 'The provider refused the token it had just issued; try connecting again')
  },
})

function providerFailure(error: unknown): never {
  if (error instanceof ProviderRequestError) {
    throw new AppError('BAD_REQUEST', 'The provider refused this sign-in (the code was used or expired, or the PKCE check failed); connect again')
  }
  if (error instanceof ProviderError) throw new AppError('PROVIDER_UNAVAILABLE')
  throw error
}

/**
 * Connecting a streaming account: authorization code with PKCE. `beginConnect` stores a pending
 * sign-in (hash of a single-use `state`, sealed verifier, expiry) and returns the provider's URL;
 * `completeConnect` consumes it atomically, exchanges the code, reads the account and stores the
 * connection with sealed tokens. Every change is audited in its transaction.
 */
export function createConnectionsService(deps: ConnectionsServiceDeps) {
  const ttlMs = (deps.authorizationTtlSeconds ?? 600) * 1000

  function providerFor(id: string): StreamingProvider {
    const provider = deps.providers[id as ConnectionProviderId]
    if (!provider) throw new AppError('BAD_REQUEST', `${id} cannot be connected on this server`)
    return provider
  }

  return {
    /** What can be connected here, and the listener's connections with their latest scan. */
    async overview(userId: string): Promise<ConnectionsOverview> {
      const connections = (await repo.listConnections(deps.db, userId)).map(toConnectionView)
      const scans = (await deps.latestScans?.(connections.map((c) => c.id))) ?? new Map<string, LibraryScan>()
      return {
        available: Object.keys(deps.providers) as ConnectionProviderId[],
        connections: connections.map((c) => ({ ...c, scan: scans.get(c.id) ?? null })),
      }
    },

    /** Starts a sign-in that comes back to this API's callback and then to the Connections page. */
    start(userId: string, provider: string, ctx: RequestContext) {
      if (!deps.callbackUrl) throw new AppError('SERVICE_UNAVAILABLE', 'Connecting accounts is not configured on this server')
      return this.beginConnect(userId, { provider, redirectUri: deps.callbackUrl, returnTo: '/connections' }, ctx)
    },

    async beginConnect(userId: string, input: { provider: string; redirectUri: string; returnTo?: string | null }, ctx: RequestContext) {
      const provider = providerFor(input.provider)
      const problem = redirectUriProblem(input.redirectUri)
      if (problem) throw validationError([{ field: 'redirectUri', code: 'invalid', message: `The redirect URI ${problem}` }])
      if (input.returnTo && !isSafeReturnPath(input.returnTo)) {
        throw validationError([{ field: 'returnTo', code: 'invalid', message: 'Return to a path on this site, such as /connections' }])
      }
      const now = deps.clock()
      const state = createState()
      const verifier = createCodeVerifier()
      const id = randomUUID()
      const sealed = deps.vault.seal(verifier, { purpose: 'code_verifier', userId, ownerId: id })
      const scopes = [...provider.scopes.read, ...provider.scopes.enforce]
      const expiresAt = new Date(now.getTime() + ttlMs)
      await deps.db.transaction().execute(async (trx) => {
        await repo.deleteAuthorizationsBefore(trx, new Date(now.getTime() - 86_400_000))
        await repo.insertAuthorization(trx, {
          id,
          state_hash: hashState(state),
          user_id: userId,
          provider: input.provider,
          code_verifier_encrypted: sealed.ciphertext,
          code_verifier_key_id: sealed.keyId,
          redirect_uri: input.redirectUri,
          return_to: input.returnTo ?? null,
          scopes,
          expires_at: expiresAt,
        })
        await recordAudit(trx, ctx, {
          actorId: userId, action: 'connection.authorization_started', subjectType: 'oauth_authorization', subjectId: id,
          after: { provider: input.provider, scopes, expiresAt: expiresAt.toISOString() },
        })
      })
      const authorizeUrl = provider.authorizeUrl({ redirectUri: input.redirectUri, state, codeChallenge: codeChallengeS256(verifier), scopes })
      return { authorizeUrl, expiresAt }
    },

    /**
     * The provider sent the browser back. The single-use `state` names the listener who started the
     * sign-in (the browser may carry no session here: the redirect URI is a loopback IP, not the app's
     * origin), and only the server holds the PKCE verifier, so a copied callback URL connects nothing.
     */
    async completeConnect(input: { state: string; code?: string | undefined; error?: string | undefined }, ctx: RequestContext) {
      const pending = await repo.consumeAuthorization(deps.db, hashState(input.state), deps.clock())
      if (!pending) throw new AppError('BAD_REQUEST', 'This sign-in has expired or was already used; connect again')
      const userId = pending.user_id
      if (input.error || !input.code) throw new AppError('BAD_REQUEST', 'The sign-in was cancelled at the provider; nothing was connected')
      const provider = providerFor(pending.provider)
      const codeVerifier = deps.vault.open(
        { ciphertext: pending.code_verifier_encrypted, keyId: pending.code_verifier_key_id },
        { purpose: 'code_verifier', userId, ownerId: pending.id },
      )
      const grant = await provider.exchangeCode({ code: input.code, codeVerifier, redirectUri: pending.redirect_uri }).catch(providerFailure)
      const account = await provider.me(justIssued(grant)).catch(providerFailure)
      try {
        const row = await deps.db.transaction().execute(async (trx) => {
          const existing = await repo.lockUserConnection(trx, userId, pending.provider)
          const owner = { id: existing?.id ?? randomUUID(), user_id: userId }
          const values = {
            provider_user_id: account.id,
            display_name: account.displayName,
            scopes: grant.scopes.length ? grant.scopes : pending.scopes,
            ...sealAccessToken(deps.vault, owner, grant.accessToken),
            ...(grant.refreshToken
              ? sealRefreshToken(deps.vault, owner, grant.refreshToken)
              : { refresh_token_encrypted: null, refresh_token_key_id: null }),
            expires_at: grant.expiresAt,
            token_refreshed_at: deps.clock(),
            status: 'active' as const,
            last_error: null,
          }
          const saved = existing
            ? (await repo.updateConnection(trx, owner.id, values))!
            : await repo.insertConnection(trx, { id: owner.id, user_id: userId, provider: pending.provider, ...values })
          await recordAudit(trx, ctx, {
            actorId: userId, action: 'connection.connected', subjectType: 'connection', subjectId: saved.id,
            ...(existing ? { before: auditedFields(existing) } : {}),
            after: auditedFields(saved),
          })
          return saved
        })
        return { connection: toConnectionView(row), returnTo: pending.return_to }
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'This account is already connected to another listener here')
        throw error
      }
    },

    /** Deletes the connection and its tokens (Spotify has no token revocation endpoint). */
    async disconnect(userId: string, connectionId: string, ctx: RequestContext): Promise<void> {
      await deps.db.transaction().execute(async (trx) => {
        const removed = await repo.deleteUserConnection(trx, userId, connectionId)
        if (!removed) throw new AppError('NOT_FOUND')
        await recordAudit(trx, ctx, {
          actorId: userId, action: 'connection.disconnected', subjectType: 'connection', subjectId: removed.id, before: auditedFields(removed),
        })
      })
    },
  }
}

export type ConnectionsService = ReturnType<typeof createConnectionsService>
