import { describe, expect, it, vi } from 'vitest'
import type { Session } from '@ndith/contracts'
import type { AuthApi } from './api/auth-api.ts'
import { ApiError, ServerUnreachableError } from './api/errors.ts'
import { SessionStore } from './session.svelte.ts'

const user = { id: '7d1c6a52-8f0e-4a4b-9b53-1f3c1e7f2a10', email: 'a@example.com', createdAt: '2025-11-25T10:00:00.000Z' }
const sessionWith = (accessToken: string): Session => ({ user, accessToken, tokenType: 'Bearer', expiresIn: 900 })
const expired = () => new ApiError(401, 'SESSION_EXPIRED', 'Your session has ended; sign in again')

function fakeApi(overrides: Partial<AuthApi> = {}): AuthApi {
  return {
    register: vi.fn(async () => sessionWith('registered')),
    login: vi.fn(async () => sessionWith('logged-in')),
    refresh: vi.fn(async () => sessionWith('refreshed')),
    logout: vi.fn(async () => undefined),
    me: vi.fn(async () => ({ user })),
    ...overrides,
  }
}

describe('SessionStore', () => {
  it('restores a session from the refresh cookie on load', async () => {
    const session = new SessionStore(fakeApi())

    await session.restore()

    expect(session.status).toBe('signed-in')
    expect(session.user).toEqual(user)
  })

  it('is signed out, quietly, when there is no session to restore', async () => {
    const session = new SessionStore(fakeApi({ refresh: vi.fn(async () => Promise.reject(expired())) }))

    await session.restore()

    expect(session.status).toBe('signed-out')
    expect(session.restoreOutage).toBeNull()
    expect(session.takeNotice()).toBeNull()
  })

  it('remembers that the server could not be reached while restoring', async () => {
    const session = new SessionStore(fakeApi({ refresh: vi.fn(async () => Promise.reject(new ServerUnreachableError())) }))

    await session.restore()

    expect(session.status).toBe('signed-out')
    expect(session.restoreOutage).toBeInstanceOf(ServerUnreachableError)
  })

  it('uses the access token from sign-in for authorized calls', async () => {
    const api = fakeApi()
    const session = new SessionStore(api)
    await session.signIn({ email: user.email, password: 'pw' })

    await session.reloadUser()

    expect(api.me).toHaveBeenCalledWith('logged-in')
    expect(api.refresh).not.toHaveBeenCalled()
  })

  it('renews an expired access token once through the refresh cookie and repeats the call', async () => {
    const me = vi.fn(async (token: string) => {
      if (token === 'logged-in') throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in to continue')
      return { user }
    })
    const api = fakeApi({ me })
    const session = new SessionStore(api)
    await session.signIn({ email: user.email, password: 'pw' })

    await session.reloadUser()

    expect(me.mock.calls.map(([token]) => token)).toEqual(['logged-in', 'refreshed'])
  })

  it('signs out with a notice when the session can no longer be renewed', async () => {
    const api = fakeApi({
      me: vi.fn(async () => Promise.reject(new ApiError(401, 'UNAUTHENTICATED', 'Sign in to continue'))),
      refresh: vi.fn(async () => Promise.reject(expired())),
    })
    const session = new SessionStore(api)
    await session.signIn({ email: user.email, password: 'pw' })

    await expect(session.reloadUser()).rejects.toBeInstanceOf(ApiError)

    expect(session.status).toBe('signed-out')
    expect(session.signOutReason).toBe('expired')
    expect(session.takeNotice()?.text).toMatch(/session has ended/)
  })

  it('shares one refresh between concurrent callers (a rotated token must never be sent twice)', async () => {
    const api = fakeApi()
    const session = new SessionStore(api)

    await Promise.all([session.restore(), session.restore()])

    expect(api.refresh).toHaveBeenCalledTimes(1)
  })

  it('stays signed in when signing out fails to reach the server', async () => {
    const session = new SessionStore(fakeApi({ logout: vi.fn(async () => Promise.reject(new ServerUnreachableError())) }))
    await session.signIn({ email: user.email, password: 'pw' })

    await expect(session.signOut()).rejects.toBeInstanceOf(ServerUnreachableError)

    expect(session.status).toBe('signed-in')
  })

  it('hands out the welcome notice once after registering', async () => {
    const session = new SessionStore(fakeApi())

    await session.register({ email: user.email, password: 'pw' })

    expect(session.takeNotice()?.tone).toBe('success')
    expect(session.takeNotice()).toBeNull()
  })
})
