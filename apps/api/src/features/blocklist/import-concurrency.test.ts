import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../lib/app-error.ts'
import { memoryStore, redisStore, type Store } from '../../store/store.ts'
import { importConcurrency } from './import-concurrency.ts'

/** A piece of work that runs (from `started` on) until `finish()` is called. */
function held() {
  let finish!: () => void
  let begin!: () => void
  const done = new Promise<void>((resolve) => (finish = resolve))
  const started = new Promise<void>((resolve) => (begin = resolve))
  return {
    work: () => {
      begin()
      return done
    },
    started,
    finish,
  }
}

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error)

type Limit = ReturnType<typeof importConcurrency>

// Two API processes are two stores on one Redis (connections of their own, the same key prefix).
function twoProcesses(): { limits: [Limit, Limit]; stores: Store[] } {
  const keyPrefix = `ndith-test:${randomBytes(6).toString('hex')}:`
  const stores = [redisStore(process.env.REDIS_URL!, { keyPrefix }), redisStore(process.env.REDIS_URL!, { keyPrefix })]
  return { limits: [importConcurrency(stores[0]!, 2), importConcurrency(stores[1]!, 2)], stores }
}

// Without Redis the API runs as one process: one in-process limiter.
function oneProcess(): { limits: [Limit, Limit]; stores: Store[] } {
  const store = memoryStore()
  const limit = importConcurrency(store, 2)
  return { limits: [limit, limit], stores: [store] }
}

describe('import concurrency', () => {
  it.each([
    ...(process.env.REDIS_URL ? [['two API processes sharing Redis', twoProcesses] as const] : []),
    ['one process with the in-process store', oneProcess] as const,
  ])('allows two imports per user at a time: %s', async (_label, setUp) => {
    const { limits, stores } = setUp()
    // Connected first, as the API is before it serves: until then a limiter counts in memory.
    await Promise.all(stores.map((store) => store.ping()))
    try {
      const [onA, onB] = limits
      const first = held()
      const second = held()
      const running = [onA('user-1', first.work), onB('user-1', second.work)]
      await Promise.all([first.started, second.started])
      const error = await refusal(onB('user-1', async () => 'third'))
      expect(error).toBeInstanceOf(AppError)
      expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, headers: { 'retry-after': '2' } })
      // Someone else is not affected by this user's imports.
      expect(await onA('user-2', async () => 'other user')).toBe('other user')

      first.finish()
      await running[0]
      expect(await onA('user-1', async () => 'after one finished')).toBe('after one finished')
      second.finish()
      await running[1]
      // A failed import gives its slot back too.
      await expect(onB('user-1', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
      expect(await Promise.all([onA('user-1', async () => 1), onB('user-1', async () => 2)])).toEqual([1, 2])
    } finally {
      for (const store of stores) await store.close()
    }
  })
})
