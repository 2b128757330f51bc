import type { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import type { RateLimit } from '../config.ts'

/**
 * A counter of attempts per key. `consume` counts one attempt atomically and rejects with a
 * RateLimiterRes once the key is over its limit; `delete` forgets the key.
 */
export interface Limiter {
  consume(key: string): Promise<unknown>
  /** Gives one counted attempt back (it never reached the check it was counted for). */
  reward(key: string): Promise<unknown>
  delete(key: string): Promise<unknown>
}

export const memoryLimiter = (name: string, limit: RateLimit): Limiter & RateLimiterMemory =>
  new RateLimiterMemory({ keyPrefix: name, points: limit.points, duration: limit.durationSeconds })

/** After a Redis call fails or times out, go straight to memory for this long (a hung Redis costs one timeout, not one per call). */
const REDIS_BACKOFF_MS = 2000

/**
 * Counts in Redis (shared by every replica) while Redis answers, in process memory while it does not.
 *
 * - Redis down is known at once: the client's connection state (`rejectIfRedisNotReady`), no offline
 *   queue and a short command timeout on the client, and a pause of REDIS_BACKOFF_MS after a failure.
 * - What was counted in memory during an outage keeps counting until it expires: when Redis is back,
 *   an attempt is judged on Redis's count plus the count kept in memory, so a lockout recorded while
 *   Redis was down (or restarted empty) still answers 429.
 */
export function redisLimiter(redis: Redis, keyPrefix: string, name: string, limit: RateLimit): Limiter {
  const shared = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${keyPrefix}rl:${name}`,
    points: limit.points,
    duration: limit.durationSeconds,
    rejectIfRedisNotReady: true,
  })
  const local = memoryLimiter(name, limit)
  let redisFailedAt = 0
  const redisUsable = () => redis.status === 'ready' && Date.now() - redisFailedAt > REDIS_BACKOFF_MS

  return {
    async consume(key) {
      if (!redisUsable()) return local.consume(key)
      let counted: RateLimiterRes
      try {
        counted = await shared.consume(key)
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) {
          redisFailedAt = Date.now()
          return local.consume(key)
        }
        counted = error
      }
      const kept = await local.get(key)
      const consumed = counted.consumedPoints + (kept?.consumedPoints ?? 0)
      if (consumed <= limit.points) return counted
      const msBeforeNext = Math.max(counted.msBeforeNext, kept?.msBeforeNext ?? 0)
      throw new RateLimiterRes(0, msBeforeNext, consumed, false)
    },
    async reward(key) {
      if (!redisUsable()) return local.reward(key)
      await shared.reward(key).catch(() => {
        redisFailedAt = Date.now()
      })
    },
    async delete(key) {
      await local.delete(key)
      if (!redisUsable()) return
      await shared.delete(key).catch(() => {
        redisFailedAt = Date.now()
      })
    },
  }
}
