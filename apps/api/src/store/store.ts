import { Redis } from 'ioredis'
import type { RateLimit } from '../config.ts'
import { memoryLimiter, redisLimiter, type Limiter } from './limiter.ts'

export type { Limiter } from './limiter.ts'

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
  limiter(name: string, limit: RateLimit): Limiter
  close(): Promise<void>
}

export function memoryStore(): Store {
  return {
    kind: 'memory',
    describe: 'in-process store',
    ping: async () => {},
    status: () => 'memory',
    limiter: memoryLimiter,
    close: async () => {},
  }
}

export interface RedisStoreOptions {
  /** Isolates keys, e.g. per test file or per developer namespace. */
  keyPrefix?: string
  onError?: (error: Error) => void
  commandTimeoutMs?: number
}

export function redisStore(redisUrl: string, options: RedisStoreOptions = {}): Store {
  // ioredis reconnects with backoff by itself, so a Redis restart heals without restarting the API.
  // While Redis is away a command fails at once (no offline queue, no retries) or within
  // commandTimeout, so a sign-in falls back to counting in memory instead of waiting for a reconnect.
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 3000,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 500,
  })
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
    // While Redis is down, count in memory rather than refuse (or stall) every sign-in.
    limiter: (name, limit) => redisLimiter(redis, prefix, name, limit),
    async close() {
      if (redis.status === 'wait' || redis.status === 'end') return
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}
