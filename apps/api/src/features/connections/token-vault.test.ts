import { describe, expect, it } from 'vitest'
import { createTokenVault, TokenVaultError, type SealContext } from './token-vault.ts'
import { newKey } from './connection-fixtures.ts'

const context: SealContext = { purpose: 'access_token', userId: 'user-1', ownerId: 'connection-1' }

describe('token vault', () => {
  it('seals with a fresh nonce each time and opens what it sealed', () => {
    const vault = createTokenVault([newKey('k1')])
    const first = vault.seal('secret-token', context)
    const second = vault.seal('secret-token', context)
    expect(first.ciphertext).not.toBe(second.ciphertext)
    expect(first.keyId).toBe('k1')
    expect(Buffer.from(first.ciphertext, 'base64').includes(Buffer.from('secret-token'))).toBe(false)
    expect(vault.open(first, context)).toBe('secret-token')
  })

  it('refuses a ciphertext moved to another user, connection or token column (associated data)', () => {
    const vault = createTokenVault([newKey('k1')])
    const sealed = vault.seal('secret-token', context)
    expect(() => vault.open(sealed, { ...context, userId: 'user-2' })).toThrow(TokenVaultError)
    expect(() => vault.open(sealed, { ...context, ownerId: 'connection-2' })).toThrow(TokenVaultError)
    expect(() => vault.open(sealed, { ...context, purpose: 'refresh_token' })).toThrow(TokenVaultError)
  })

  it('refuses a tampered ciphertext', () => {
    const vault = createTokenVault([newKey('k1')])
    const raw = Buffer.from(vault.seal('secret-token', context).ciphertext, 'base64')
    raw[14]! ^= 0x01
    expect(() => vault.open({ ciphertext: raw.toString('base64'), keyId: 'k1' }, context)).toThrow('failed authentication')
  })

  it('after rotation seals with the new key and still opens values sealed with the old one', () => {
    const k1 = newKey('k1')
    const sealedBefore = createTokenVault([k1]).seal('old-token', context)
    const rotated = createTokenVault([newKey('k2'), k1])
    expect(rotated.currentKeyId).toBe('k2')
    expect(rotated.open(sealedBefore, context)).toBe('old-token')
    expect(rotated.seal('new-token', context).keyId).toBe('k2')
  })

  it('names the missing key when a value was sealed with a key no longer configured', () => {
    const sealed = createTokenVault([newKey('k1')]).seal('token', context)
    expect(() => createTokenVault([newKey('k2')]).open(sealed, context)).toThrow(/no token key with id k1/)
  })
})
