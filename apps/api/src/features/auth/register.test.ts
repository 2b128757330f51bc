import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { passwordPolicy, REFRESH_COOKIE } from '@ndith/contracts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { goodPassword, me, uniqueEmail } from '../../../test/support/auth.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const registerRaw = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: payload as object })

describe('POST /api/v1/auth/register', () => {
  it('creates the account, returns the user and an access token, and starts the session (auto-login)', async () => {
    const email = uniqueEmail()
    const response = await registerRaw({ email, password: goodPassword })

    expect(response.statusCode).toBe(201)
    const body = response.json()
    expect(body.user).toMatchObject({ email, id: expect.any(String), createdAt: expect.any(String) })
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, accessToken: expect.any(String) })
    expect((await me(t.app, body.accessToken)).json().user.email).toBe(email)

    const cookie = response.cookies.find((c) => c.name === REFRESH_COOKIE)
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' })
    expect(response.body).not.toContain(cookie!.value)
  })

  it('stores an argon2id hash, never the password', async () => {
    const email = uniqueEmail()
    await registerRaw({ email, password: goodPassword })
    const row = await t.db.selectFrom('users').select('password_hash').where('email', '=', email).executeTakeFirstOrThrow()
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
  })

  it('lists every failed password rule as a field error on "password"', async () => {
    const response = await registerRaw({ email: uniqueEmail(), password: 'short' })

    expect(response.statusCode).toBe(400)
    const { error } = response.json()
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.fields).toEqual([
      { field: 'password', code: 'min-length', message: passwordPolicy.find((r) => r.id === 'min-length')!.message },
      { field: 'password', code: 'uppercase', message: 'An uppercase letter' },
      { field: 'password', code: 'digit', message: 'A number' },
    ])
  })

  it('reports a bad email and the password rules together', async () => {
    const response = await registerRaw({ email: 'not-an-email', password: 'short' })
    const fields = response.json().error.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`)
    expect(fields).toEqual(['email:format', 'password:min-length', 'password:uppercase', 'password:digit'])
  })

  it('names missing and unknown fields', async () => {
    const response = await registerRaw({ emial: 'x@example.com' })
    expect(response.statusCode).toBe(400)
    const fields = response.json().error.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`)
    expect(fields).toEqual(expect.arrayContaining(['email:required', 'password:required', 'emial:unknown']))
  })

  it('answers 409 EMAIL_TAKEN for a duplicate email, whatever its case', async () => {
    const email = uniqueEmail()
    await registerRaw({ email, password: goodPassword })
    const response = await registerRaw({ email: email.toUpperCase(), password: goodPassword })

    expect(response.statusCode).toBe(409)
    expect(response.json().error).toEqual({ code: 'EMAIL_TAKEN', message: 'An account with this email already exists' })
  })

  it('lets exactly one of two simultaneous registrations of one email succeed', async () => {
    const email = uniqueEmail('race')
    const responses = await Promise.all([
      registerRaw({ email, password: goodPassword }),
      registerRaw({ email: email.toUpperCase(), password: goodPassword }),
      registerRaw({ email, password: goodPassword }),
    ])
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409])
    const rows = await t.db.selectFrom('users').select('id').where('email', 'ilike', email).execute()
    expect(rows).toHaveLength(1)
  })

  it('writes an auth.register audit row in the same transaction', async () => {
    const email = uniqueEmail()
    const response = await registerRaw({ email, password: goodPassword })
    const userId = response.json().user.id
    const audit = await t.db.selectFrom('audit_log').selectAll().where('subject_id', '=', userId).execute()
    expect(audit).toMatchObject([{ action: 'auth.register', actor_id: userId, subject_type: 'user', request_id: response.headers['x-request-id'] }])
  })

  it('answers malformed JSON with 400 in the error shape', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ error: { code: 'BAD_REQUEST' }, requestId: expect.any(String) })
  })
})
