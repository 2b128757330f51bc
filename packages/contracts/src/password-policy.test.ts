import { describe, expect, it } from 'vitest'
import { evaluatePassword, failedPasswordRules, passwordPolicy } from './password-policy.ts'

describe('password policy', () => {
  it('every rule has a unique id and a message', () => {
    const ids = passwordPolicy.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of passwordPolicy) expect(rule.message.length).toBeGreaterThan(0)
  })

  it('accepts a long mixed password', () => {
    expect(failedPasswordRules('Correct-Horse-42-battery', { email: 'sam@example.com' })).toEqual([])
  })

  it('lists every failed rule for a weak password', () => {
    const failed = failedPasswordRules('abc').map((r) => r.id)
    expect(failed).toEqual(['min-length', 'uppercase', 'digit'])
  })

  it('rejects a password containing the email name, case-insensitively', () => {
    const failed = failedPasswordRules('XXsamanthaXX2024y', { email: 'Samantha@example.com' }).map((r) => r.id)
    expect(failed).toContain('not-email')
  })

  it('counts characters, not UTF-16 units', () => {
    const emoji = '😀'.repeat(11) + 'aA1'
    expect(evaluatePassword(emoji).find((r) => r.id === 'min-length')?.passed).toBe(true)
  })

  it('rejects a password over the maximum length', () => {
    expect(failedPasswordRules('aA1'.repeat(50)).map((r) => r.id)).toEqual(['max-length'])
  })
})
