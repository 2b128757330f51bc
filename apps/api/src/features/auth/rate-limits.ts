import { RateLimiterRes } from 'rate-limiter-flexible'
import type { RateLimitConfig } from '../../config.ts'
import { AppError } from '../../lib/app-error.ts'
import type { Limiter, Store } from '../../store/store.ts'

function tooMany(msBeforeNext: number): AppError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000))
  return new AppError('RATE_LIMITED', `Too many attempts; try again in ${seconds} seconds`, undefined, {
    'retry-after': String(seconds),
  })
}

async function consume(limiter: Limiter, key: string): Promise<void> {
  try {
    await limiter.consume(key)
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw tooMany(rejection.msBeforeNext)
    throw rejection
  }
}

/**
 * Register and login limits, per IP and per account. A login attempt counts against its account
 * before the password is checked (one atomic increment), so of any number of parallel guesses at
 * most the limit reach the password check; a successful sign-in clears the account's count, so a
 * user is never locked out by their own successes.
 */
export function authRateLimits(store: Store, limits: RateLimitConfig) {
  const registerIp = store.limiter('register-ip', limits.registerPerIp)
  const registerEmail = store.limiter('register-email', limits.registerPerEmail)
  const loginIp = store.limiter('login-ip', limits.loginPerIp)
  const loginAttempts = store.limiter('login-attempt', limits.loginFailuresPerAccount)
  const account = (email: string) => email.trim().toLowerCase()

  return {
    async register(ip: string, email: string) {
      await consume(registerIp, ip)
      await consume(registerEmail, account(email))
    },
    /** Counts the attempt (per IP, per account); 429 once either is over its limit. */
    async loginAttempt(ip: string, email: string) {
      await consume(loginIp, ip)
      await consume(loginAttempts, account(email))
    },
    /** The attempt ended before its password was checked (the database was away): it does not count. */
    async loginAborted(email: string) {
      await loginAttempts.reward(account(email))
    },
    async loginSucceeded(email: string) {
      await loginAttempts.delete(account(email))
    },
  }
}

export type AuthRateLimits = ReturnType<typeof authRateLimits>
