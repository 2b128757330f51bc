import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.ts'
import { recordAudit, type RequestContext } from '../audit/audit-log.ts'
import { noTokens, openAccessToken, openRefreshToken, sealAccessToken, sealRefreshToken } from './connection-secrets.ts'
import { GrantRevokedError, ReconnectRequiredError } from './provider-errors.ts'
import type { AccessTokenSource, StreamingProvider } from './provider.ts'
import { findConnection, lockConnection, updateConnection } from './repository.ts'
import type { ConnectionRow } from './tables.ts'
import type { TokenVault } from './token-vault.ts'

export interface TokenRefresherDeps {
  db: Kysely<Database>
  vault: TokenVault
  /** By connection.provider. */
  providers: Partial<Record<string, Pick<StreamingProvider, 'refresh'>>>
  clock: () => Date
  /** Refresh this long before the access token expires (default 120 s), so a call never starts with a dying token. */
  marginSeconds?: number
}

export interface TokenRefresher {
  /** A usable access token, refreshed first when it expires within the margin. */
  accessToken(connectionId: string): Promise<string>
  /** After the provider answered 401 to `rejected`: a token other than it, refreshing at most once. */
  afterRejected(connectionId: string, rejected: string): Promise<string>
  tokenSource(connectionId: string): AccessTokenSource
}

const systemContext = (connectionId: string): RequestContext => ({ requestId: `token-refresh:${connectionId}`, ip: null, userAgent: null })

/**
 * One refresh at a time per connection. In one process concurrent callers share the in-flight
 * promise; across processes (API replicas, workers) the refresh runs under the connection's row
 * lock and re-reads the row once it holds it, so a caller that waited uses the token the other
 * process just stored instead of spending the refresh token again (Spotify may rotate it on use).
 */
export function createTokenRefresher(deps: TokenRefresherDeps): TokenRefresher {
  const marginMs = (deps.marginSeconds ?? 120) * 1000
  const inFlight = new Map<string, Promise<string>>()

  const usable = (row: ConnectionRow) => row.expires_at !== null && row.expires_at.getTime() - deps.clock().getTime() > marginMs

  function checkActive(row: ConnectionRow | undefined, connectionId: string): asserts row is ConnectionRow {
    if (!row) throw new ReconnectRequiredError(connectionId, 'no such connection')
    if (row.status === 'needs_reauth') throw new ReconnectRequiredError(connectionId, 'the provider revoked the grant')
  }

  async function refreshUnderLock(connectionId: string, rejected: string | undefined): Promise<string> {
    const outcome = await deps.db.transaction().execute(async (trx) => {
      const row = await lockConnection(trx, connectionId)
      checkActive(row, connectionId)
      const current = openAccessToken(deps.vault, row)
      if (current && usable(row) && current !== rejected) return { token: current }
      const refreshToken = openRefreshToken(deps.vault, row)
      if (!refreshToken) throw new ReconnectRequiredError(connectionId, 'the access token expired and no refresh token is stored')
      const provider = deps.providers[row.provider]
      if (!provider) throw new Error(`no adapter configured for provider ${row.provider}`)
      try {
        const grant = await provider.refresh(refreshToken)
        await updateConnection(trx, row.id, {
          ...sealAccessToken(deps.vault, row, grant.accessToken),
          ...(grant.refreshToken ? sealRefreshToken(deps.vault, row, grant.refreshToken) : {}),
          expires_at: grant.expiresAt,
          token_refreshed_at: deps.clock(),
          ...(grant.scopes.length ? { scopes: grant.scopes } : {}),
          status: 'active',
          last_error: null,
        })
        return { token: grant.accessToken }
      } catch (error) {
        if (!(error instanceof GrantRevokedError)) throw error
        // Keep the row (the listener sees "reconnect"), drop the dead tokens.
        await updateConnection(trx, row.id, { ...noTokens, status: 'needs_reauth', last_error: error.message })
        await recordAudit(trx, systemContext(row.id), {
          actorId: null,
          action: 'connection.needs_reauth',
          subjectType: 'connection',
          subjectId: row.id,
          before: { status: row.status },
          after: { status: 'needs_reauth', reason: 'grant_revoked' },
        })
        return { revoked: error }
      }
    })
    if (outcome.revoked) throw new ReconnectRequiredError(connectionId, outcome.revoked.message)
    return outcome.token!
  }

  function singleFlight(connectionId: string, rejected: string | undefined): Promise<string> {
    const running = inFlight.get(connectionId)
    if (running) return running
    const refresh = refreshUnderLock(connectionId, rejected).finally(() => inFlight.delete(connectionId))
    inFlight.set(connectionId, refresh)
    return refresh
  }

  const refresher: TokenRefresher = {
    async accessToken(connectionId) {
      const running = inFlight.get(connectionId)
      if (running) return running
      const row = await findConnection(deps.db, connectionId)
      checkActive(row, connectionId)
      const current = openAccessToken(deps.vault, row)
      if (current && usable(row)) return current
      return singleFlight(connectionId, undefined)
    },
    afterRejected: (connectionId, rejected) => singleFlight(connectionId, rejected),
    tokenSource: (connectionId) => ({
      current: () => refresher.accessToken(connectionId),
      afterRejected: (rejected) => refresher.afterRejected(connectionId, rejected),
    }),
  }
  return refresher
}
