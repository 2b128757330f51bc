import { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible'
import type { RateLimit } from '../config.ts'

/**
 * Shared, short-lived state (rate-limit counters today). Redis when REDIS_URL is set, so every API
 * replica sees the same counters; an in-process map otherwise (embedded mode, one process).
 */
export interface Store {
  kind: 'redis' | 'memory'
  describe: string
  ping(): Promise<void>
  /** The connection's state for the metrics: ioredis' status ('ready' when connected), 'memory' for the in-process store. */
  status(): string
  limiter(name: string, limit: RateLimit): RateLimiterAbstract
  close(): Promise<void>
}

export function memoryStore(): Store {
  return {
    kind: 'memory',
    describe: 'in-process store',
    ping: async () => {},
    status: () => 'memory',
    limiter: (name, limit) => new RateLimiterMemory({ keyPrefix: name, points: limit.points, duration: limit.durationSeconds }),
    close: async () => {},
  }
}

export interface RedisStoreOptions {
  /** Isolates keys, e.g. per test file or per developer namespace. */
  keyPrefix?: string
  onError?: (error: Error) => void
}

export function redisStore(redisUrl: string, options: RedisStoreOptions = {}): Store {
  // ioredis reconnects with backoff by itself, so a Redis restart heals without restarting the API.
  // maxRetriesPerRequest keeps a request from hanging while Redis is away.
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true, connectTimeout: 3000 })
  redis.on('error', (error) => options.onError?.(error))
  const prefix = options.keyPrefix ?? 'ndith:'
  const url = new URL(redisUrl)
  return {
    kind: 'redis',
    describe: `redis://${url.hostname}:${url.port || 6379}`,
    async ping() {
      if (redis.status === 'wait') await redis.connect()
      await redis.ping()
    },
    status: () => redis.status,
    limiter: (name, limit) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${prefix}rl:${name}`,
        points: limit.points,
        duration: limit.durationSeconds,
        // While Redis is down, count in memory rather than refuse every sign-in.
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points: limit.points, duration: limit.durationSeconds }),
      }),
    async close() {
      if (redis.status === 'wait' || redis.status === 'end') return
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}
