import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { ACTIVITY_LABELS, REFRESH_COOKIE, SESSION_HINT_COOKIE, type ActiveSession } from '@ndith/contracts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { goodPassword, refresh, refreshCookie, register } from '../../../test/support/auth.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const NEW_PASSWORD = 'Another-Long-Passphrase-77'

async function signIn(app: FastifyInstance, email: string, password: string, userAgent: string) {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers: { 'user-agent': userAgent } })
  expect(response.statusCode).toBe(200)
  return { accessToken: response.json().accessToken as string, refreshToken: refreshCookie(response)! }
}

/** A request as the browser sends it: the bearer token and the refresh cookie (both scoped to /api/v1/auth). */
const asSession = (session: { accessToken: string; refreshToken: string }) => ({
  headers: { authorization: `Bearer ${session.accessToken}` },
  cookies: { [REFRESH_COOKIE]: session.refreshToken },
})

async function auditActions(userId: string) {
  const rows = await t.db.selectFrom('audit_log').select('action').where('actor_id', '=', userId).execute()
  return rows.map((row) => row.action)
}

describe('the session hint cookie', () => {
  it('is set readable beside the refresh cookie at sign-in and cleared at sign-out, so a signed-out load needs no refresh', async () => {
    const account = await register(t.app)
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: account.password } })
    const hint = login.cookies.find((cookie) => cookie.name === SESSION_HINT_COOKIE)
    expect(hint).toMatchObject({ value: '1', path: '/' })
    expect(hint?.httpOnly).toBeFalsy()

    const logout = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { [REFRESH_COOKIE]: refreshCookie(login)! } })
    expect(logout.cookies.find((cookie) => cookie.name === SESSION_HINT_COOKIE)?.value).toBe('')
  })
})

describe('change password', () => {
  it('needs the current password, signs every other session out and keeps this one', async () => {
    const account = await register(t.app)
    const here = { accessToken: account.session.accessToken, refreshToken: account.refreshToken }
    const laptop = await signIn(t.app, account.email, account.password, 'Laptop')

    const changed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', ...asSession(here), payload: { currentPassword: goodPassword, newPassword: NEW_PASSWORD } })

    expect(changed.statusCode).toBe(200)
    expect(changed.json()).toEqual({ otherSessionsSignedOut: 1 })
    expect((await refresh(t.app, laptop.refreshToken)).statusCode).toBe(401)
    expect((await refresh(t.app, here.refreshToken)).statusCode).toBe(200)
    const oldLogin = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: goodPassword } })
    expect(oldLogin.statusCode).toBe(401)
    await signIn(t.app, account.email, NEW_PASSWORD, 'Phone')
    expect(await auditActions(account.session.user.id)).toContain('auth.password_changed')
  })

  it('refuses a wrong current password with a 400 under that field, changing nothing', async () => {
    const account = await register(t.app)
    const response = await t.app.inject({
      method: 'POST', url: '/api/v1/auth/password', ...asSession({ accessToken: account.session.accessToken, refreshToken: account.refreshToken }),
      payload: { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD },
    })

    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toEqual([expect.objectContaining({ field: 'currentPassword', code: 'incorrect' })])
    expect((await refresh(t.app, account.refreshToken)).statusCode).toBe(200)
  })

  it('checks the new password against the policy, every failed rule under newPassword', async () => {
    const account = await register(t.app)
    const response = await t.app.inject({
      method: 'POST', url: '/api/v1/auth/password', ...asSession({ accessToken: account.session.accessToken, refreshToken: account.refreshToken }),
      payload: { currentPassword: goodPassword, newPassword: 'short' },
    })

    expect(response.statusCode).toBe(400)
    const fields = response.json().error.fields as { field: string }[]
    expect(fields.length).toBeGreaterThan(0)
    expect(fields.every((field) => field.field === 'newPassword')).toBe(true)
  })

  it('needs a signed-in user', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: 'a', newPassword: 'b' } })
    expect(response.statusCode).toBe(401)
  })
})

describe('active sessions', () => {
  it('lists each sign-in once with its device, the current one marked, and signs one out', async () => {
    const account = await register(t.app)
    const here = { accessToken: account.session.accessToken, refreshToken: account.refreshToken }
    const laptop = await signIn(t.app, account.email, account.password, 'Laptop browser')
    // A renewed token (the same browser, a visit later) stays the same session.
    const renewed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', cookies: { [REFRESH_COOKIE]: laptop.refreshToken }, headers: { 'user-agent': 'Laptop browser' } })
    expect(renewed.statusCode).toBe(200)

    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sessions', ...asSession(here) })
    expect(listed.statusCode).toBe(200)
    const sessions = listed.json().sessions as ActiveSession[]
    expect(sessions).toHaveLength(2)
    expect(sessions.filter((session) => session.current)).toHaveLength(1)
    const other = sessions.find((session) => !session.current)!
    expect(other.userAgent).toBe('Laptop browser')
    expect(Date.parse(other.lastUsedAt)).toBeGreaterThanOrEqual(Date.parse(other.createdAt))

    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/auth/sessions/${other.id}`, ...asSession(here) })
    expect(revoked.statusCode).toBe(204)
    const after = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/sessions', ...asSession(here) })).json().sessions as ActiveSession[]
    expect(after.map((session) => session.current)).toEqual([true])
    expect(await auditActions(account.session.user.id)).toContain('auth.session_revoked')
  })

  it("answers 404 for a session that is not the user's (or 400 for a malformed id)", async () => {
    const mine = await register(t.app)
    const theirs = await register(t.app)
    const their = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/sessions', ...asSession({ accessToken: theirs.session.accessToken, refreshToken: theirs.refreshToken }) })).json().sessions[0] as ActiveSession
    const as = asSession({ accessToken: mine.session.accessToken, refreshToken: mine.refreshToken })

    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/auth/sessions/${their.id}`, ...as })).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/auth/sessions/not-a-uuid', ...as })).statusCode).toBe(400)
    expect((await refresh(t.app, theirs.refreshToken)).statusCode).toBe(200)
  })

  it('signs out everywhere, this session included, clearing its cookie', async () => {
    const account = await register(t.app)
    const here = { accessToken: account.session.accessToken, refreshToken: account.refreshToken }
    const laptop = await signIn(t.app, account.email, account.password, 'Laptop')

    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out-everywhere', ...asSession(here) })

    expect(response.statusCode).toBe(204)
    expect(response.cookies.find((cookie) => cookie.name === REFRESH_COOKIE)?.value).toBe('')
    expect((await refresh(t.app, here.refreshToken)).statusCode).toBe(401)
    expect((await refresh(t.app, laptop.refreshToken)).statusCode).toBe(401)
    expect(await auditActions(account.session.user.id)).toContain('auth.signed_out_everywhere')
  })

  it('has a label for every action it audits', () => {
    for (const action of ['auth.password_changed', 'auth.session_revoked', 'auth.signed_out_everywhere']) expect(ACTIVITY_LABELS[action]).toBeTruthy()
  })
})
