import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Session } from '@ndith/contracts'
import type { AuthApi } from './api/auth-api.ts'
import { ApiError, ServerFailureError, ServerUnreachableError, TemporarilyUnavailableError } from './api/errors.ts'
import { memorySessionHint } from './session-hint.ts'
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
    ping: vi.fn(async () => undefined),
    ...overrides,
  }
}

describe('SessionStore', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('restores a session from the refresh cookie on load', async () => {
    const session = new SessionStore(fakeApi(), memorySessionHint(true))

    await session.restore()

    expect(session.status).toBe('signed-in')
    expect(session.user).toEqual(user)
  })

  it('is signed out, quietly, when there is no session to restore', async () => {
    const hint = memorySessionHint(true)
    const session = new SessionStore(fakeApi({ refresh: vi.fn(async () => Promise.reject(expired())) }), hint)

    await session.restore()

    expect(session.status).toBe('signed-out')
    expect(session.restoreOutage).toBeNull()
    expect(session.takeNotice()).toBeNull()
    expect(hint.present()).toBe(false)
  })

  it('does not try a refresh that cannot succeed when this browser never signed in (no 401 on a signed-out load)', async () => {
    const api = fakeApi()
    const session = new SessionStore(api, memorySessionHint(false))

    await session.restore()

    expect(api.refresh).not.toHaveBeenCalled()
    expect(api.ping).toHaveBeenCalledTimes(1)
    expect(session.status).toBe('signed-out')
    expect(session.restoreOutage).toBeNull()
  })

  it('shows a signed-out visitor the outage when the server cannot be reached', async () => {
    const session = new SessionStore(fakeApi({ ping: vi.fn(async () => Promise.reject(new ServerUnreachableError())) }), memorySessionHint(false))

    await session.restore()

    expect(session.status).toBe('signed-out')
    expect(session.restoreOutage).toBeInstanceOf(ServerUnreachableError)
  })

  it('keeps a signed-in user on their page while the server is unreachable, and restores by itself with backoff', async () => {
    vi.useFakeTimers()
    const refresh = vi.fn<AuthApi['refresh']>()
      .mockRejectedValueOnce(new ServerUnreachableError())
      .mockRejectedValueOnce(new ServerUnreachableError(502))
      .mockResolvedValue(sessionWith('refreshed'))
    const session = new SessionStore(fakeApi({ refresh }), memorySessionHint(true))

    await session.restore()
    expect(session.status).toBe('restoring')
    expect(session.restoreOutage).toBeInstanceOf(ServerUnreachableError)
    expect(session.restoreRetryIn).toBe(1)

    await vi.advanceTimersByTimeAsync(1000)
    expect(refresh).toHaveBeenCalledTimes(2)
    expect(session.restoreRetryIn).toBe(2)

    await vi.advanceTimersByTimeAsync(2000)
    expect(session.status).toBe('signed-in')
    expect(session.restoreOutage).toBeNull()
  })

  it('treats a 5xx from the API while restoring as a server error to wait out, not as signed out', async () => {
    vi.useFakeTimers()
    const refresh = vi.fn<AuthApi['refresh']>().mockRejectedValueOnce(new ApiError(500, 'INTERNAL', 'Something went wrong', [], 'req-1'))
      .mockResolvedValue(sessionWith('refreshed'))
    const session = new SessionStore(fakeApi({ refresh }), memorySessionHint(true))

    await session.restore()

    expect(session.status).toBe('restoring')
    expect(session.restoreOutage).toBeInstanceOf(ServerFailureError)
    await vi.advanceTimersByTimeAsync(1000)
    expect(session.status).toBe('signed-in')
  })

  it("waits as long as a 503's Retry-After says before trying again", async () => {
    vi.useFakeTimers()
    const refresh = vi.fn<AuthApi['refresh']>().mockRejectedValueOnce(new TemporarilyUnavailableError(503, 5)).mockResolvedValue(sessionWith('r'))
    const session = new SessionStore(fakeApi({ refresh }), memorySessionHint(true))

    await session.restore()
    await vi.advanceTimersByTimeAsync(4000)
    expect(refresh).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1000)

    expect(session.status).toBe('signed-in')
  })

  it('forgets the hint at sign-out, so the next load does not try a refresh', async () => {
    const hint = memorySessionHint(true)
    const session = new SessionStore(fakeApi(), hint)

    await session.signIn({ email: user.email, password: 'pw' })
    await session.signOut()

    expect(hint.present()).toBe(false)
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
    const session = new SessionStore(api, memorySessionHint(true))

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
