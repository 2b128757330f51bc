import type { LoginRequest, RegisterRequest, Session, User } from '@ndith/contracts'
import type { AuthApi } from './api/auth-api.ts'
import { ApiError, ServerUnreachableError } from './api/errors.ts'
import { withCrossTabLock } from './cross-tab-lock.ts'

export type SessionStatus = 'restoring' | 'signed-in' | 'signed-out'

/** A one-off message for the page the user lands on after a session change. */
export interface SessionNotice {
  tone: 'success' | 'info'
  text: string
}

/** Why the last session ended: the user asked, or the server no longer accepts it. */
export type SignOutReason = 'user' | 'expired'

/**
 * Who is signed in. The access token lives only in this object's memory; a reload restores the
 * session through the httpOnly refresh cookie.
 */
export class SessionStore {
  status = $state<SessionStatus>('restoring')
  user = $state<User | null>(null)
  /** Why the last restore could not reach the server: we do not know whether a session exists. */
  restoreOutage = $state.raw<ServerUnreachableError | null>(null)
  signOutReason = $state<SignOutReason | null>(null)

  #notice: SessionNotice | null = null

  #accessToken: string | null = null
  #refreshing: Promise<Session> | null = null

  constructor(private readonly api: AuthApi) {}

  async restore(): Promise<void> {
    try {
      this.#accept(await this.#refresh())
    } catch (error) {
      if (error instanceof ServerUnreachableError) this.restoreOutage = error
      else if (error instanceof ApiError) this.restoreOutage = null
      else throw error
      this.#clear()
    }
  }

  async register(body: RegisterRequest): Promise<void> {
    this.#accept(await this.api.register(body))
    this.#notice = { tone: 'success', text: 'Welcome! Your account is ready and you are signed in.' }
  }

  async signIn(body: LoginRequest): Promise<void> {
    this.#accept(await this.api.login(body))
  }

  /** Revokes the session on the server first: if that fails the user is still signed in. */
  async signOut(): Promise<void> {
    await this.api.logout()
    this.#clear()
    this.signOutReason = 'user'
    this.#notice = { tone: 'success', text: 'You have signed out.' }
  }

  /** The account was deleted (the API already ended the session): forget it here and say so on sign-in. */
  accountDeleted(): void {
    this.#clear()
    this.signOutReason = 'user'
    this.#notice = { tone: 'success', text: 'Your account and its data were deleted.' }
  }

  /** Reloads the signed-in user from the API. */
  async reloadUser(): Promise<void> {
    const { user } = await this.authorized((accessToken) => this.api.me(accessToken))
    this.user = user
  }

  /** The pending notice, handed out once. */
  takeNotice(): SessionNotice | null {
    const notice = this.#notice
    this.#notice = null
    return notice
  }

  /** Runs a call that needs the access token, renewing the token once if the API says it expired. */
  async authorized<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    const token = this.#accessToken ?? (await this.#renew())
    try {
      return await call(token)
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error
      return call(await this.#renew())
    }
  }

  async #renew(): Promise<string> {
    try {
      const session = await this.#refresh()
      this.#accept(session)
      return session.accessToken
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.#clear()
        this.signOutReason = 'expired'
        this.#notice = { tone: 'info', text: 'Your session has ended. Sign in again to continue.' }
      }
      throw error
    }
  }

  /** One refresh at a time, in this tab and across tabs. */
  #refresh(): Promise<Session> {
    this.#refreshing ??= withCrossTabLock('ndith-session-refresh', () => this.api.refresh()).finally(() => {
      this.#refreshing = null
    })
    return this.#refreshing
  }

  #accept(session: Session) {
    this.#accessToken = session.accessToken
    this.user = session.user
    this.status = 'signed-in'
    this.signOutReason = null
    this.restoreOutage = null
  }

  #clear() {
    this.#accessToken = null
    this.user = null
    this.status = 'signed-out'
  }
}
