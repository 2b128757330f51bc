import { describe, expect, it } from 'vitest'
import { signInWithList } from '../../../test/support/blocklist.ts'
import { useCatalogApp } from '../../../test/support/catalog.ts'

const t = useCatalogApp()

const signedIn = () => signInWithList(t.app)

describe('account data', () => {
  it('exports all of my data as JSON, without password hashes or tokens', async () => {
    const me = await signedIn()
    await me.add({ artistId: t.artist('Drake'), tags: ['x'] })
    const response = await t.app.inject({ url: '/api/v1/me/export', headers: me.headers })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="ndith-account-/)
    const data = response.json()
    expect(data.user.email).toBe(me.email)
    expect(data.blocklist).toMatchObject([{ artist_name: 'Drake', tags: ['x'] }])
    expect(data.activity.map((a: { action: string }) => a.action)).toContain('blocklist.entry_added')
    expect(response.body).not.toMatch(/argon2|password_hash|token_hash/)
  })

  it('refuses to delete the account with a wrong password', async () => {
    const me = await signedIn()
    const response = await t.app.inject({ method: 'DELETE', url: '/api/v1/me', headers: me.headers, payload: { password: 'Wrong-Password-1' } })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toEqual([expect.objectContaining({ field: 'password', code: 'incorrect' })])
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: me.headers })).statusCode).toBe(200)
  })

  it('deletes the account and its data; audit rows stay without personal data', async () => {
    const me = await signedIn()
    const userId = me.session.user.id
    await me.addArtist(t.artist('Drake'))

    const response = await t.app.inject({ method: 'DELETE', url: '/api/v1/me', headers: me.headers, payload: { password: me.password } })
    expect(response.statusCode).toBe(204)

    expect(await t.db.selectFrom('users').select('id').where('id', '=', userId).execute()).toEqual([])
    expect(await t.db.selectFrom('user_artist_blocks').select('id').where('user_id', '=', userId).execute()).toEqual([])
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: me.email, password: me.password } })
    expect(login.statusCode).toBe(401)
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: me.headers })).statusCode).toBe(401)

    // The access token outlives the account by design (stateless), but no longer opens anything.
    expect((await t.app.inject({ url: '/api/v1/me/blocklist', headers: me.headers })).statusCode).toBe(401)
    const audit = await t.db.selectFrom('audit_log').selectAll().where('subject_id', '=', userId).execute()
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.register', 'account.deleted']))
    for (const row of audit) expect(row).toMatchObject({ actor_id: null, ip: null, user_agent: null, before: null, after: null })
    expect(JSON.stringify(await t.db.selectFrom('audit_log').selectAll().execute())).not.toContain(me.email)
  })
})
