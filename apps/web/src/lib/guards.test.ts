import { describe, expect, it } from 'vitest'
import { redirectFor, safeNextPath, type GuardInput } from './guards.ts'

const at = (path: string, input: Partial<GuardInput>): GuardInput => ({
  path,
  access: undefined,
  status: 'signed-out',
  query: new URLSearchParams(),
  signOutReason: null,
  ...input,
})

describe('redirectFor', () => {
  it('waits while the session is being restored', () => {
    expect(redirectFor(at('/account', { access: 'signed-in', status: 'restoring' }))).toBeNull()
  })

  it('sends the root to My list or to sign in', () => {
    expect(redirectFor(at('/', { status: 'signed-in' }))).toBe('/my-list')
    expect(redirectFor(at('/', { status: 'signed-out' }))).toBe('/sign-in')
  })

  it('sends a signed-out visitor of a private page to sign in, remembering the page', () => {
    expect(redirectFor(at('/account', { access: 'signed-in' }))).toBe('/sign-in?next=%2Faccount')
  })

  it('does not offer to return to the page the user just signed out of', () => {
    expect(redirectFor(at('/account', { access: 'signed-in', signOutReason: 'user' }))).toBe('/sign-in')
  })

  it('sends a signed-in user away from sign-in and registration, to `next` when it is safe', () => {
    expect(redirectFor(at('/register', { access: 'signed-out', status: 'signed-in' }))).toBe('/my-list')
    const query = new URLSearchParams({ next: '/account' })
    expect(redirectFor(at('/sign-in', { access: 'signed-out', status: 'signed-in', query }))).toBe('/account')
  })

  it('leaves unknown paths to the not-found page', () => {
    expect(redirectFor(at('/nowhere', {}))).toBeNull()
  })
})

describe('safeNextPath', () => {
  it.each(['https://evil.example', '//evil.example', '/\\evil.example', 'account', ''])('refuses %j', (next) => {
    expect(safeNextPath(next)).toBeNull()
  })

  it('accepts a path on this site', () => {
    expect(safeNextPath('/account?tab=1')).toBe('/account?tab=1')
  })
})
