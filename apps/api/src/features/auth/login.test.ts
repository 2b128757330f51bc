import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { me, refreshCookie, register, uniqueEmail } from '../../../test/support/auth.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const login = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } })

describe('POST /api/v1/auth/login', () => {
  it('signs in with the right password (email case-insensitive) and sets the refresh cookie', async () => {
    const account = await register(t.app)
    const response = await login(account.email.toUpperCase(), account.password)

    expect(response.statusCode).toBe(200)
    expect(response.json().user.email).toBe(account.email)
    expect(refreshCookie(response)).toBeTruthy()
    expect((await me(t.app, response.json().accessToken)).statusCode).toBe(200)
  })

  it('gives a wrong email and a wrong password the same 401', async () => {
    const account = await register(t.app)
    const wrongPassword = await login(account.email, 'Not-The-Password-1')
    const unknownEmail = await login(uniqueEmail('nobody'), account.password)

    expect(wrongPassword.statusCode).toBe(401)
    expect(unknownEmail.statusCode).toBe(401)
    expect(wrongPassword.json().error).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Email or password is incorrect' })
    expect(unknownEmail.json().error).toEqual(wrongPassword.json().error)
    expect(refreshCookie(wrongPassword)).toBeUndefined()
  })

  it('audits success and failure', async () => {
    const account = await register(t.app)
    const userId = account.session.user.id
    await login(account.email, 'Not-The-Password-1')
    await login(account.email, account.password)

    const rows = await t.db.selectFrom('audit_log').select(['action', 'after']).where('actor_id', '=', userId).orderBy('id').execute()
    expect(rows.map((r) => r.action)).toEqual(['auth.register', 'auth.login_failed', 'auth.login'])
    expect(rows[1]!.after).toEqual({ reason: 'wrong_password' })
  })

  it('audits a failed sign-in for an unknown email without an actor', async () => {
    const response = await login(uniqueEmail('ghost'), 'Whatever-Password-1')
    const row = await t.db.selectFrom('audit_log').selectAll().where('request_id', '=', response.headers['x-request-id'] as string).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ action: 'auth.login_failed', actor_id: null, after: { reason: 'unknown_email' } })
  })

  it('validates the body in the error shape', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: '' } })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'password', code: 'required' }), expect.objectContaining({ field: 'email' })]),
    )
  })
})
