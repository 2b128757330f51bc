import { RateLimiterRes } from 'rate-limiter-flexible'
import { AppError } from '../../lib/app-error.ts'
import type { Store } from '../../store/store.ts'

/** How long an import's slot is held at most, should its process die before giving it back. */
const LEASE_SECONDS = 120
/** An import takes seconds; a client that waits this long will usually find a free slot. */
const RETRY_AFTER_SECONDS = 2

export const DEFAULT_IMPORTS_IN_FLIGHT_PER_USER = 2

/**
 * At most `perUser` imports (previews and confirms) of one user at a time, across every API
 * process: a counter in the shared store (Redis, or in-process without it) taken before the work
 * and given back after it. One user's parallel uploads cannot take the database from everyone else.
 */
export function importConcurrency(store: Store, perUser: number = DEFAULT_IMPORTS_IN_FLIGHT_PER_USER) {
  const slots = store.limiter('import-in-flight', { points: perUser, durationSeconds: LEASE_SECONDS })
  // A slot not given back (the store away just now) frees itself when its lease ends.
  const giveBack = (userId: string) => slots.reward(userId).catch(() => undefined)
  return async function oneOfUsersImports<T>(userId: string, work: () => Promise<T>): Promise<T> {
    try {
      await slots.consume(userId)
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection
      // A refused attempt was counted too: take it back, or the user stays locked out until the lease ends.
      await giveBack(userId)
      const message = `You already have ${perUser} ${perUser === 1 ? 'import' : 'imports'} running; try again when one has finished`
      throw new AppError('RATE_LIMITED', message, undefined, { 'retry-after': String(RETRY_AFTER_SECONDS) })
    }
    try {
      return await work()
    } finally {
      await giveBack(userId)
    }
  }
}

export type ImportConcurrency = ReturnType<typeof importConcurrency>
