import type { ConnectionRow } from './tables.ts'
import type { TokenVault } from './token-vault.ts'

// The only place connection tokens are sealed into or opened from a row. The associated data names
// the user, the connection and which token it is, so a ciphertext copied elsewhere does not open.

type Owner = Pick<ConnectionRow, 'id' | 'user_id'>

export function sealAccessToken(vault: TokenVault, owner: Owner, token: string) {
  const sealed = vault.seal(token, { purpose: 'access_token', userId: owner.user_id, ownerId: owner.id })
  return { access_token_encrypted: sealed.ciphertext, access_token_key_id: sealed.keyId }
}

export function sealRefreshToken(vault: TokenVault, owner: Owner, token: string) {
  const sealed = vault.seal(token, { purpose: 'refresh_token', userId: owner.user_id, ownerId: owner.id })
  return { refresh_token_encrypted: sealed.ciphertext, refresh_token_key_id: sealed.keyId }
}

export function openAccessToken(vault: TokenVault, row: ConnectionRow): string | undefined {
  if (!row.access_token_encrypted || !row.access_token_key_id) return undefined
  return vault.open({ ciphertext: row.access_token_encrypted, keyId: row.access_token_key_id }, { purpose: 'access_token', userId: row.user_id, ownerId: row.id })
}

export function openRefreshToken(vault: TokenVault, row: ConnectionRow): string | undefined {
  if (!row.refresh_token_encrypted || !row.refresh_token_key_id) return undefined
  return vault.open({ ciphertext: row.refresh_token_encrypted, keyId: row.refresh_token_key_id }, { purpose: 'refresh_token', userId: row.user_id, ownerId: row.id })
}

/** Every token column cleared: what a disconnect or a revoked grant leaves behind. */
export const noTokens = {
  access_token_encrypted: null,
  access_token_key_id: null,
  refresh_token_encrypted: null,
  refresh_token_key_id: null,
  expires_at: null,
} as const
