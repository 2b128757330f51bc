import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTIVITY_LABELS } from '@ndith/contracts'
import { insertArtists } from '../../../test/support/catalog.ts'
import { publishedList, signIn } from '../../../test/support/community.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('display name', () => {
  it('a curator sets a display name and their lists show it instead of the generated one; clearing it brings that back', async () => {
    const curator = await signIn(t.app)
    const reader = await signIn(t.app)
    const [artist] = (await insertArtists(t.db, 'Somebody')) as [string]
    const listId = await publishedList(curator, [artist], { name: 'Clean rap' })
    const ownerName = async () => (await reader.getList(listId)).json().owner.displayName as string
    expect(await ownerName()).toMatch(/^Listener [0-9a-f]{6}$/)
    expect((await curator.call('GET', '/me/profile')).json()).toEqual({ displayName: null })

    const set = await curator.call('PUT', '/me/profile', { displayName: '  DJ   Quiet  ' })

    expect(set.statusCode).toBe(200)
    expect(set.json()).toEqual({ displayName: 'DJ Quiet' })
    expect(await ownerName()).toBe('DJ Quiet')
    const browse = (await reader.call('GET', '/community-lists?q=Clean')).json()
    expect(browse.items.find((list: { id: string }) => list.id === listId).owner.displayName).toBe('DJ Quiet')

    expect((await curator.call('PUT', '/me/profile', { displayName: null })).json()).toEqual({ displayName: null })
    expect(await ownerName()).toMatch(/^Listener /)
    const audit = await t.db.selectFrom('audit_log').select('action').where('actor_id', '=', curator.id).where('action', '=', 'account.display_name_changed').execute()
    expect(audit).toHaveLength(2)
    expect(ACTIVITY_LABELS['account.display_name_changed']).toBeTruthy()
  })

  it('refuses a blank, too long or malformed name with a 400 under displayName', async () => {
    const me = await signIn(t.app)
    for (const body of [{ displayName: '   ' }, { displayName: 'x'.repeat(51) }, { name: 'x' }, { displayName: 'a\u0000b' }]) {
      const response = await me.call('PUT', '/me/profile', body)
      expect(response.statusCode, JSON.stringify(body)).toBe(400)
    }
    expect((await me.call('GET', '/me/profile')).json()).toEqual({ displayName: null })
  })
})
