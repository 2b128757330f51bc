import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import type { RateLimitConfig } from '../../config.ts'
import { AppError } from '../../lib/app-error.ts'
import type { Store } from '../../store/store.ts'

function tooMany(msBeforeNext: number): AppError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000))
  return new AppError('RATE_LIMITED', `Too many attempts; try again in ${seconds} seconds`, undefined, {
    'retry-after': String(seconds),
  })
}

async function consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key)
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw tooMany(rejection.msBeforeNext)
    throw rejection
  }
}

/**
 * Register and login limits, per IP and per account. Login counts only failures per account,
 * so a user who signs in correctly is never locked out by their own successes.
 */
export function authRateLimits(store: Store, limits: RateLimitConfig) {
  const registerIp = store.limiter('register-ip', limits.registerPerIp)
  const registerEmail = store.limiter('register-email', limits.registerPerEmail)
  const loginIp = store.limiter('login-ip', limits.loginPerIp)
  const loginFailures = store.limiter('login-fail', limits.loginFailuresPerAccount)
  const account = (email: string) => email.trim().toLowerCase()

  return {
    async register(ip: string, email: string) {
      await consume(registerIp, ip)
      await consume(registerEmail, account(email))
    },
    async loginAttempt(ip: string, email: string) {
      await consume(loginIp, ip)
      const failures = await loginFailures.get(account(email))
      if (failures && failures.consumedPoints >= limits.loginFailuresPerAccount.points) throw tooMany(failures.msBeforeNext)
    },
    async loginFailed(email: string) {
      await loginFailures.penalty(account(email), 1)
    },
    async loginSucceeded(email: string) {
      await loginFailures.delete(account(email))
    },
  }
}

export type AuthRateLimits = ReturnType<typeof authRateLimits>
