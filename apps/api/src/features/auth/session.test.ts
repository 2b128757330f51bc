import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REFRESH_COOKIE } from '@ndith/contracts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { me, refresh, refreshCookie, register } from '../../../test/support/auth.ts'
import { ROTATION_GRACE_MS } from './service.ts'

// A clock the test moves by hand, so token expiry is tested without waiting.
let now = new Date('2026-06-01T12:00:00Z')
const clock = () => now

/** Runs `act` with the clock moved `ms` ahead, then puts it back. */
async function later<T>(ms: number, act: () => Promise<T>): Promise<T> {
  const saved = now
  now = new Date(saved.getTime() + ms)
  try {
    return await act()
  } finally {
    now = saved
  }
}

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ clock })
})
afterAll(() => t.close())

describe('refresh, logout and me', () => {
  it('rotates the refresh token on every use', async () => {
    const { refreshToken } = await register(t.app)
    const first = await refresh(t.app, refreshToken)
    expect(first.statusCode).toBe(200)
    const rotated = refreshCookie(first)!
    expect(rotated).not.toBe(refreshToken)

    const second = await refresh(t.app, rotated)
    expect(second.statusCode).toBe(200)
    expect((await me(t.app, second.json().accessToken)).statusCode).toBe(200)
  })

  it('revokes the whole family when a rotated token is re-used, and audits it', async () => {
    const account = await register(t.app)
    const rotated = refreshCookie(await refresh(t.app, account.refreshToken))!

    const reuse = await later(ROTATION_GRACE_MS + 1000, () => refresh(t.app, account.refreshToken))
    expect(reuse.statusCode).toBe(401)
    expect(reuse.json().error.code).toBe('SESSION_EXPIRED')
    // The legitimate newest token is gone too: whoever holds a copy must sign in again.
    expect((await refresh(t.app, rotated)).statusCode).toBe(401)

    const audit = await t.db.selectFrom('audit_log').select('action').where('actor_id', '=', account.session.user.id).execute()
    expect(audit.map((a) => a.action)).toContain('auth.refresh_reuse_detected')
  })

  it('lets a just-rotated token refresh again within the grace period (a reload that lost the response)', async () => {
    const account = await register(t.app)
    const first = refreshCookie(await refresh(t.app, account.refreshToken))!

    const again = await later(ROTATION_GRACE_MS - 1000, () => refresh(t.app, account.refreshToken))
    expect(again.statusCode).toBe(200)
    const second = refreshCookie(again)!
    expect(second).not.toBe(first)
    // Nothing was revoked: both successors work, and the family goes on.
    expect((await refresh(t.app, first)).statusCode).toBe(200)
    expect((await refresh(t.app, second)).statusCode).toBe(200)
    const audit = await t.db.selectFrom('audit_log').select(['action', 'after']).where('actor_id', '=', account.session.user.id).execute()
    expect(audit.map((a) => a.action)).not.toContain('auth.refresh_reuse_detected')
    expect(audit.some((a) => (a.after as { withinRotationGrace?: boolean } | null)?.withinRotationGrace)).toBe(true)
  })

  it('does not revive a logged-out family within the grace period', async () => {
    const account = await register(t.app)
    const rotated = refreshCookie(await refresh(t.app, account.refreshToken))!
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { [REFRESH_COOKIE]: rotated } })

    expect((await refresh(t.app, account.refreshToken)).statusCode).toBe(401)
  })

  it('refuses a missing or unknown cookie and clears it', async () => {
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh' })
    expect(missing.statusCode).toBe(401)
    const unknown = await refresh(t.app, 'not-a-real-token')
    expect(unknown.statusCode).toBe(401)
    expect(unknown.cookies.find((c) => c.name === REFRESH_COOKIE)?.value).toBe('')
  })

  it('refuses an expired refresh token', async () => {
    const { refreshToken } = await register(t.app)
    expect((await later(31 * 86400_000, () => refresh(t.app, refreshToken))).statusCode).toBe(401)
  })

  it('logout revokes the session and clears the cookie, and is audited', async () => {
    const account = await register(t.app)
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { [REFRESH_COOKIE]: account.refreshToken } })

    expect(response.statusCode).toBe(204)
    expect(response.cookies.find((c) => c.name === REFRESH_COOKIE)?.value).toBe('')
    expect((await refresh(t.app, account.refreshToken)).statusCode).toBe(401)
    const audit = await t.db.selectFrom('audit_log').select('action').where('actor_id', '=', account.session.user.id).execute()
    expect(audit.map((a) => a.action)).toContain('auth.logout')
  })

  it('logout without a session is a harmless 204', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204)
  })

  it('me returns the user for a valid access token', async () => {
    const account = await register(t.app)
    const response = await me(t.app, account.session.accessToken)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ user: account.session.user })
  })

  it('me answers 401 without a token, with a forged one and with an expired one', async () => {
    const account = await register(t.app)
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' })
    expect(none.statusCode).toBe(401)
    expect(none.json().error.code).toBe('UNAUTHENTICATED')

    const [header, payload] = account.session.accessToken.split('.')
    expect((await me(t.app, `${header}.${payload}.forged-signature`)).statusCode).toBe(401)

    expect((await later(901_000, () => me(t.app, account.session.accessToken))).statusCode).toBe(401)
  })
})
