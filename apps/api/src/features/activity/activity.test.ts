import { describe, expect, it } from 'vitest'
import { refresh } from '../../../test/support/auth.ts'
import { signInWithList } from '../../../test/support/blocklist.ts'
import { useCatalogApp } from '../../../test/support/catalog.ts'
import { activityOf } from './repository.ts'
import { activityService, HIDDEN_ACTIONS } from './service.ts'

const t = useCatalogApp()
const signedIn = () => signInWithList(t.app)

describe('activity', () => {
  it('shows my own actions, newest first, paginated with a cursor', async () => {
    const me = await signedIn()
    for (const name of ['Drake', 'Nirvana', 'R. Kelly']) await me.addArtist(t.artist(name))
    const first = (await me.call('GET', '/me/activity?limit=2')).json()
    expect(first.items.map((i: { action: string }) => i.action)).toEqual(['blocklist.entry_added', 'blocklist.entry_added'])
    expect(first.items[0].after.artistName).toBe('R. Kelly')
    const second = (await me.call('GET', `/me/activity?limit=2&cursor=${first.nextCursor}`)).json()
    expect(second.items.map((i: { action: string }) => i.action)).toEqual(['blocklist.entry_added', 'auth.register'])
    expect(second.nextCursor).toBeNull()
  })

  it('never shows another user\'s activity', async () => {
    const me = await signedIn()
    const other = await signedIn()
    await other.addArtist(t.artist('Drake'))
    const mine = (await me.call('GET', '/me/activity')).json()
    expect(mine.items.map((i: { action: string }) => i.action)).toEqual(['auth.register'])
  })
})

describe('activity by kind', () => {
  it('shows the changes that matter without sign-ins and import previews drowning them, and each kind on its own', async () => {
    const me = await signedIn()
    await me.addArtist(t.artist('Drake'))
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: me.email, password: me.password } })
    expect(login.statusCode).toBe(200)
    const preview = await me.preview('csv', 'name\nNirvana\n')
    expect(preview.statusCode).toBeLessThan(300)
    const actions = async (kind: string) => ((await me.call('GET', `/me/activity?kind=${kind}`)).json().items as { action: string }[]).map((i) => i.action)

    expect(await actions('changes')).toEqual(['blocklist.entry_added', 'auth.register'])
    expect(await actions('sign-ins')).toEqual(['auth.login'])
    expect(await actions('previews')).toEqual(['blocklist.import_previewed'])
    expect(await actions('all')).toHaveLength(4)
  })

  it('refuses an unknown kind with a 400', async () => {
    const me = await signedIn()
    expect((await me.call('GET', '/me/activity?kind=noise')).statusCode).toBe(400)
  })
})

describe('activity service and repository', () => {
  it('leaves session renewals out of the feed, though the audit log keeps them', async () => {
    const me = await signedIn()
    expect((await refresh(t.app, me.refreshToken)).statusCode).toBe(200)

    const page = await activityService(t.db).page(me.id, {})
    expect(page.items.map((i) => i.action)).toEqual(['auth.register'])
    const everything = await activityOf(t.db, me.id, { limit: 10, hiddenActions: [] })
    expect(everything.map((r) => r.action)).toEqual(['auth.refresh', 'auth.register'])
    expect(HIDDEN_ACTIONS).toContain('auth.refresh')
  })

  it('reads one row beyond the page, so the service knows whether another page exists', async () => {
    const me = await signedIn()
    for (const name of ['Drake', 'Nirvana']) await me.addArtist(t.artist(name))
    const rows = await activityOf(t.db, me.id, { limit: 2, hiddenActions: HIDDEN_ACTIONS })
    expect(rows).toHaveLength(3)
    const page = await activityService(t.db).page(me.id, { limit: 2 })
    expect(page.items).toHaveLength(2)
    expect(page.nextCursor).toBe(String(rows[1]!.id))
    const rest = await activityService(t.db).page(me.id, { limit: 2, cursor: page.nextCursor! })
    expect(rest).toMatchObject({ items: [{ action: 'auth.register' }], nextCursor: null })
  })
})
