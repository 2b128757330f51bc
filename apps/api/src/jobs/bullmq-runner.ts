import { Queue, Worker, type ConnectionOptions } from 'bullmq'
import { jobDefaults, RateLimited, type JobRunner } from './runner.ts'

/** ioredis options from a redis:// URL (BullMQ opens its own connections; workers block on one). */
export function redisConnection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl)
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    db: Number(url.pathname.slice(1) || 0),
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    // Workers wait for Redis across an outage instead of failing their blocking commands.
    maxRetriesPerRequest: null,
  }
}

export interface BullmqRunnerOptions {
  /** Key prefix, e.g. per developer namespace or test file. */
  prefix?: string
  /** A killed worker's job is taken over by another after this long without its lock being renewed. */
  lockDurationMs?: number
  /** Connection problems (Redis restarting); BullMQ reconnects by itself. */
  onError?: (error: Error) => void
}

/** Jobs in Redis: they outlive the process, and every worker process shares the queues and their pauses. */
export function bullmqRunner(redisUrl: string, options: BullmqRunnerOptions = {}): JobRunner {
  const connection = redisConnection(redisUrl)
  const prefix = options.prefix ?? 'ndith-jobs'
  const queues = new Map<string, Queue>()
  const workers: Worker[] = []
  const queue = (name: string) => {
    let q = queues.get(name)
    if (!q) {
      queues.set(name, (q = new Queue(name, { connection, prefix })))
      q.on('error', (error) => options.onError?.(error))
    }
    return q
  }

  return {
    kind: 'bullmq',
    async enqueue(name, jobId, data, opts = {}) {
      const { attempts, backoffMs } = { ...jobDefaults, ...opts }
      // A job id already waiting or running makes this a no-op; finished jobs are removed, so
      // the same id can be enqueued again later (a re-scan, a resumed run).
      await queue(name).add(name, data, {
        jobId,
        attempts,
        backoff: { type: 'exponential', delay: backoffMs },
        removeOnComplete: true,
        removeOnFail: true,
      })
    },
    work(name, handler, opts = {}) {
      const worker: Worker = new Worker(
        name,
        async (job) => {
          try {
            await handler(job.data, { jobId: job.id!, attempt: job.attemptsMade + 1 })
          } catch (error) {
            if (!(error instanceof RateLimited)) throw error
            await worker.rateLimit(error.retryAfterMs)
            throw Worker.RateLimitError()
          }
        },
        {
          connection,
          prefix,
          concurrency: opts.concurrency ?? jobDefaults.concurrency,
          lockDuration: options.lockDurationMs ?? 15_000,
        },
      )
      worker.on('failed', (job, error) => {
        // A give-up that cannot be recorded (Postgres away) must not end the process: the
        // features' recovery finds the unfinished work again.
        if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
          void Promise.resolve()
            .then(() => opts.onGiveUp?.(job.id!, job.data, error))
            .catch((failure: unknown) => options.onError?.(failure instanceof Error ? failure : new Error(String(failure))))
        }
      })
      // Without a listener an 'error' event would end the process; BullMQ reconnects by itself.
      worker.on('error', (error) => options.onError?.(error))
      workers.push(worker)
    },
    async depth(name) {
      const counts = await queue(name).getJobCounts('waiting', 'active', 'delayed', 'prioritized')
      return Object.values(counts).reduce((sum, n) => sum + n, 0)
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()))
      await Promise.all([...queues.values()].map((q) => q.close()))
    },
  }
}
