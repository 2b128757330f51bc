import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { bullmqRunner } from './bullmq-runner.ts'
import { inProcessRunner } from './in-process-runner.ts'
import { RateLimited, type JobRunner } from './runner.ts'

const runners: [string, () => JobRunner][] = [['in-process', () => inProcessRunner()]]
if (process.env.REDIS_URL) {
  runners.push(['BullMQ on Redis', () => bullmqRunner(process.env.REDIS_URL!, { prefix: `ndith-test-${randomBytes(4).toString('hex')}` })])
}

/** Resolves when `check` holds, polling; the tests wait for outcomes, never for fixed times. */
const until = (check: () => boolean) => expect.poll(check, { timeout: 20_000, interval: 20 }).toBe(true)

describe.each(runners)('the %s job runner', (_kind, create) => {
  let runner: JobRunner
  afterEach(() => runner?.close())

  it('runs each enqueued job once with its data; enqueueing a waiting id again is a no-op', async () => {
    runner = create()
    const seen: string[] = []
    await runner.enqueue('scan', 'job-1', { n: 1 })
    await runner.enqueue('scan', 'job-1', { n: 1 })
    await runner.enqueue('scan', 'job-2', { n: 2 })
    runner.work<{ n: number }>('scan', async (data, ctx) => {
      seen.push(`${ctx.jobId}:${data.n}`)
    })
    await until(() => seen.length === 2)
    expect(seen.sort()).toEqual(['job-1:1', 'job-2:2'])
    await expect.poll(() => runner.depth('scan')).toBe(0)
  })

  it('retries a failing job with backoff, then gives up after its attempts', async () => {
    runner = create()
    const attempts: number[] = []
    const givenUp: string[] = []
    runner.work('flaky', async (_data, ctx) => {
      attempts.push(ctx.attempt)
      throw new Error('provider 503')
    }, { onGiveUp: (id) => void givenUp.push(id) })
    await runner.enqueue('flaky', 'job-f', {}, { attempts: 3, backoffMs: 10 })
    await until(() => givenUp.length === 1)
    expect(attempts).toEqual([1, 2, 3])
    expect(givenUp).toEqual(['job-f'])
  })

  it('a rate-limited job pauses the queue for Retry-After, then runs again without using an attempt', async () => {
    runner = create()
    const runs: { id: string; attempt: number; at: number }[] = []
    let limited = false
    runner.work('limited', async (_data, ctx) => {
      runs.push({ id: ctx.jobId, attempt: ctx.attempt, at: Date.now() })
      if (!limited) {
        limited = true
        throw new RateLimited(300)
      }
    })
    await runner.enqueue('limited', 'job-a', {}, { attempts: 1 })
    await until(() => runs.length >= 2)
    expect(runs.map((r) => r.id)).toEqual(['job-a', 'job-a'])
    expect(runs[1]!.attempt).toBe(1)
    expect(runs[1]!.at - runs[0]!.at).toBeGreaterThanOrEqual(250)
  })
})
