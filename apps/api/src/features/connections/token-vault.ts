import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/** One AES-256 key and the id stored beside everything it seals. */
export interface TokenKey {
  id: string
  key: Buffer
}

/** A sealed value: base64 of nonce (12 bytes) | ciphertext | tag (16 bytes), and the sealing key's id. */
export interface Sealed {
  ciphertext: string
  keyId: string
}

/** What a sealed value belongs to. A ciphertext copied to another row or column fails to open. */
export interface SealContext {
  purpose: 'access_token' | 'refresh_token' | 'code_verifier'
  userId: string
  /** The connection id (tokens) or the pending authorisation's id (a PKCE verifier). */
  ownerId: string
}

export class TokenVaultError extends Error {}

const NONCE_BYTES = 12
const TAG_BYTES = 16

const associatedData = (context: SealContext) =>
  Buffer.from(`ndith:v1:${context.purpose}:${context.userId}:${context.ownerId}`, 'utf8')

export interface TokenVault {
  /** The id of the key new values are sealed with. */
  readonly currentKeyId: string
  seal(plaintext: string, context: SealContext): Sealed
  /** Throws TokenVaultError for an unknown key id, a tampered ciphertext or the wrong context. */
  open(sealed: Sealed, context: SealContext): string
}

/**
 * AES-256-GCM with a fresh random 96-bit nonce per value. The keyring lists the current key first;
 * older keys stay only to open what they sealed until `tokens:reencrypt` has re-sealed it.
 */
export function createTokenVault(keyring: readonly TokenKey[]): TokenVault {
  const current = keyring[0]
  if (!current) throw new TokenVaultError('the token keyring is empty')
  const byId = new Map<string, Buffer>()
  for (const { id, key } of keyring) {
    if (key.length !== 32) throw new TokenVaultError(`token key ${id} is ${key.length} bytes; AES-256 needs 32`)
    if (byId.has(id)) throw new TokenVaultError(`token key id ${id} appears twice`)
    byId.set(id, key)
  }
  return {
    currentKeyId: current.id,
    seal(plaintext, context) {
      const nonce = randomBytes(NONCE_BYTES)
      const cipher = createCipheriv('aes-256-gcm', current.key, nonce)
      cipher.setAAD(associatedData(context))
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return { ciphertext: Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64'), keyId: current.id }
    },
    open(sealed, context) {
      const key = byId.get(sealed.keyId)
      if (!key) throw new TokenVaultError(`no token key with id ${sealed.keyId} in TOKEN_ENCRYPTION_KEYS`)
      const raw = Buffer.from(sealed.ciphertext, 'base64')
      if (raw.length < NONCE_BYTES + TAG_BYTES) throw new TokenVaultError('sealed value is too short')
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, NONCE_BYTES))
      decipher.setAAD(associatedData(context))
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES))
      try {
        return Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8')
      } catch {
        // GCM says only "not authentic": tampered, another key, or sealed for another row.
        throw new TokenVaultError('sealed value failed authentication')
      }
    },
  }
}
