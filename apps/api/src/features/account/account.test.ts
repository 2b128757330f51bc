import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { register } from '../../../test/support/auth.ts'
import { seedCatalog } from '../../../test/support/catalog.ts'

let t: TestApp
let artist: (name: string) => string
beforeAll(async () => {
  t = await createTestApp()
  artist = (await seedCatalog(t.db)).byName
})
afterAll(() => t.close())

async function signedIn() {
  const account = await register(t.app)
  const headers = { authorization: `Bearer ${account.session.accessToken}` }
  return { ...account, headers }
}

describe('activity', () => {
  it('shows my own actions, newest first, paginated with a cursor', async () => {
    const me = await signedIn()
    for (const name of ['Drake', 'Nirvana', 'R. Kelly']) {
      await t.app.inject({ method: 'POST', url: '/api/v1/me/blocklist', headers: me.headers, payload: { artistId: artist(name) } })
    }
    const first = (await t.app.inject({ url: '/api/v1/me/activity?limit=2', headers: me.headers })).json()
    expect(first.items.map((i: { action: string }) => i.action)).toEqual(['blocklist.entry_added', 'blocklist.entry_added'])
    expect(first.items[0].after.artistName).toBe('R. Kelly')
    const second = (await t.app.inject({ url: `/api/v1/me/activity?limit=2&cursor=${first.nextCursor}`, headers: me.headers })).json()
    expect(second.items.map((i: { action: string }) => i.action)).toEqual(['blocklist.entry_added', 'auth.register'])
    expect(second.nextCursor).toBeNull()
  })

  it('never shows another user\'s activity', async () => {
    const me = await signedIn()
    const other = await signedIn()
    await t.app.inject({ method: 'POST', url: '/api/v1/me/blocklist', headers: other.headers, payload: { artistId: artist('Drake') } })
    const mine = (await t.app.inject({ url: '/api/v1/me/activity', headers: me.headers })).json()
    expect(mine.items.map((i: { action: string }) => i.action)).toEqual(['auth.register'])
  })
})

describe('account data', () => {
  it('exports all of my data as JSON, without password hashes or tokens', async () => {
    const me = await signedIn()
    await t.app.inject({ method: 'POST', url: '/api/v1/me/blocklist', headers: me.headers, payload: { artistId: artist('Drake'), tags: ['x'] } })
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
    await t.app.inject({ method: 'POST', url: '/api/v1/me/blocklist', headers: me.headers, payload: { artistId: artist('Drake') } })

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
