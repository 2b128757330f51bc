import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.ts'
import { recordAudit, type RequestContext } from '../audit/audit-log.ts'
import { openAccessToken, openRefreshToken, sealAccessToken, sealRefreshToken } from './connection-secrets.ts'
import { lockStaleSealedBatch, updateConnection } from './repository.ts'

export { countStaleConnections } from './repository.ts'
import { TokenVaultError, type TokenVault } from './token-vault.ts'

export interface ReencryptOptions {
  /** Rows per transaction (default 100): short transactions, so refreshes are never held up long. */
  batchSize?: number
  context?: RequestContext
  onBatch?: (rows: number) => void
}

export interface ReencryptResult {
  rows: number
  batches: number
  keyId: string
  /**
   * Connections left as they were because a token did not open (its key is no longer configured,
   * or the ciphertext is damaged). Never cleared automatically: a key removed too early would
   * otherwise wipe every connection.
   */
  unreadable: { connectionId: string; keyIds: string[] }[]
}

/**
 * Re-seals every connection token not sealed with the vault's current key. Each batch is one
 * transaction that locks its rows, re-seals them and writes one audit row, so an interrupted run
 * leaves every row openable and can simply be run again. After it, older keys can be removed from
 * TOKEN_ENCRYPTION_KEYS. (Pending sign-ins are not re-sealed: they expire within minutes.)
 */
export async function reencryptConnectionTokens(db: Kysely<Database>, vault: TokenVault, options: ReencryptOptions = {}): Promise<ReencryptResult> {
  const batchSize = options.batchSize ?? 100
  const context = options.context ?? { requestId: 'tokens:reencrypt', ip: null, userAgent: null }
  let afterId: string | null = null
  let rows = 0
  let batches = 0
  const unreadable: ReencryptResult['unreadable'] = []
  for (;;) {
    const done: number = await db.transaction().execute(async (trx) => {
      const locked = await lockStaleSealedBatch(trx, vault.currentKeyId, afterId, batchSize)
      const batch = []
      for (const row of locked) {
        let access: string | undefined
        let refresh: string | undefined
        try {
          access = openAccessToken(vault, row)
          refresh = openRefreshToken(vault, row)
        } catch (error) {
          if (!(error instanceof TokenVaultError)) throw error
          unreadable.push({ connectionId: row.id, keyIds: [...new Set([row.access_token_key_id, row.refresh_token_key_id].filter((k): k is string => k !== null))] })
          continue
        }
        batch.push(row)
        await updateConnection(trx, row.id, {
          ...(access === undefined ? {} : sealAccessToken(vault, row, access)),
          ...(refresh === undefined ? {} : sealRefreshToken(vault, row, refresh)),
        })
      }
      if (batch.length) {
        await recordAudit(trx, context, {
          actorId: null,
          action: 'connection.tokens_reencrypted',
          subjectType: 'connection',
          subjectId: null,
          before: { keyIds: [...new Set(batch.flatMap((r) => [r.access_token_key_id, r.refresh_token_key_id]).filter(Boolean))] },
          after: { keyId: vault.currentKeyId, connectionIds: batch.map((r) => r.id) },
        })
      }
      if (locked.length) afterId = locked.at(-1)!.id
      rows += batch.length
      return locked.length
    })
    if (done === 0) break
    batches += 1
    options.onBatch?.(done)
  }
  return { rows, batches, keyId: vault.currentKeyId, unreadable }
}
