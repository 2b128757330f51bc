import type { LoginRequest, RegisterRequest, Session, User } from '@ndith/contracts'
import type { AuthApi } from './api/auth-api.ts'
import { ApiError, TemporarilyUnavailableError, asOutage, type ServerUnreachableError } from './api/errors.ts'
import { withCrossTabLock } from './cross-tab-lock.ts'
import { cookieSessionHint, type SessionHint } from './session-hint.ts'

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
  /**
   * Why the last restore could not be done: the server is unreachable or failing. With a session to
   * restore the app stays on its page ('restoring') and tries again by itself; without one, the
   * sign-in and register pages show it.
   */
  restoreOutage = $state.raw<ServerUnreachableError | null>(null)
  /** Seconds until the next automatic restore attempt, while one is scheduled. */
  restoreRetryIn = $state<number | undefined>(undefined)
  signOutReason = $state<SignOutReason | null>(null)

  #notice: SessionNotice | null = null

  #accessToken: string | null = null
  #refreshing: Promise<Session> | null = null
  #restoreAttempts = 0
  #restoreTimer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly api: AuthApi,
    /** Whether this browser signed in and has not signed out: only then can a refresh succeed. */
    private readonly hint: SessionHint = cookieSessionHint(),
  ) {}

  /**
   * Restores the session through the refresh cookie on load. Without a session to restore it asks
   * for none (no 401 in the console), only whether the server answers, for the sign-in page's banner.
   */
  async restore(): Promise<void> {
    clearTimeout(this.#restoreTimer)
    this.restoreRetryIn = undefined
    if (!this.hint.present()) return this.#restoreSignedOut()
    try {
      this.#accept(await this.#refresh())
    } catch (error) {
      const outage = asOutage(error)
      if (outage) return this.#retryRestoreLater(outage)
      if (!(error instanceof ApiError)) throw error
      this.restoreOutage = null
      this.#clear()
    }
  }

  async #restoreSignedOut(): Promise<void> {
    this.#clear()
    try {
      await this.api.ping()
      this.restoreOutage = null
    } catch (error) {
      this.restoreOutage = asOutage(error)
    }
  }

  /** Exponential backoff (1, 2, 4, 8, then every 10 s), or the server's own Retry-After when it gave one. */
  #retryRestoreLater(outage: ServerUnreachableError) {
    this.restoreOutage = outage
    const backoff = Math.min(10, 2 ** this.#restoreAttempts)
    this.#restoreAttempts += 1
    const seconds = outage instanceof TemporarilyUnavailableError && outage.retryAfterSeconds !== undefined ? Math.max(1, outage.retryAfterSeconds) : backoff
    this.restoreRetryIn = seconds
    this.#restoreTimer = setTimeout(() => void this.restore(), seconds * 1000)
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

  /** Every session was signed out on the server (this one too): forget it here and say so on sign-in. */
  signedOutEverywhere(): void {
    this.#clear()
    this.signOutReason = 'user'
    this.#notice = { tone: 'success', text: 'You have signed out everywhere.' }
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
    this.#restoreAttempts = 0
    this.#accessToken = session.accessToken
    this.user = session.user
    this.status = 'signed-in'
    this.signOutReason = null
    this.restoreOutage = null
  }

  #clear() {
    this.hint.clear()
    this.#accessToken = null
    this.user = null
    this.status = 'signed-out'
  }
}
