import { jobDefaults, RateLimited, type JobHandler, type JobRunner, type WorkOptions } from './runner.ts'

interface QueuedJob {
  id: string
  data: object
  attempt: number
  attempts: number
  backoffMs: number
  runAt: number
}

interface QueueState {
  waiting: QueuedJob[]
  running: Set<string>
  pausedUntil: number
  worker?: { handler: JobHandler<unknown>; concurrency: number; onGiveUp: WorkOptions['onGiveUp'] }
  timer?: NodeJS.Timeout
}

/**
 * The embedded mode's runner: the same contract as BullMQ's (idempotent ids, retries with backoff,
 * a queue-wide pause on RateLimited) in this process's memory. What a restart loses is re-enqueued
 * from Postgres by the features' recovery on start, as with BullMQ.
 */
export function inProcessRunner(clock: () => number = Date.now): JobRunner {
  const queues = new Map<string, QueueState>()
  let closed = false
  const state = (name: string) => {
    let q = queues.get(name)
    if (!q) queues.set(name, (q = { waiting: [], running: new Set(), pausedUntil: 0 }))
    return q
  }

  function schedule(q: QueueState, name: string, atMs: number) {
    if (q.timer) clearTimeout(q.timer)
    q.timer = setTimeout(() => pump(name), Math.max(0, atMs - clock()))
    q.timer.unref()
  }

  function pump(name: string) {
    const q = state(name)
    if (closed || !q.worker) return
    const now = clock()
    if (q.pausedUntil > now) return schedule(q, name, q.pausedUntil)
    while (q.running.size < q.worker.concurrency) {
      const index = q.waiting.findIndex((job) => job.runAt <= now)
      if (index < 0) break
      const [job] = q.waiting.splice(index, 1)
      void run(name, q, job!)
    }
    const next = Math.min(...q.waiting.map((job) => job.runAt))
    if (Number.isFinite(next) && q.running.size < q.worker.concurrency) schedule(q, name, next)
  }

  async function run(name: string, q: QueueState, job: QueuedJob) {
    const { handler, onGiveUp } = q.worker!
    q.running.add(job.id)
    try {
      await handler(job.data, { jobId: job.id, attempt: job.attempt })
    } catch (error) {
      if (error instanceof RateLimited) {
        q.pausedUntil = clock() + error.retryAfterMs
        q.waiting.unshift({ ...job, runAt: 0 })
      } else if (job.attempt < job.attempts) {
        q.waiting.push({ ...job, attempt: job.attempt + 1, runAt: clock() + job.backoffMs * 2 ** (job.attempt - 1) })
      } else {
        // Not recorded (Postgres away)? The features' recovery finds the unfinished work again.
        await Promise.resolve().then(() => onGiveUp?.(job.id, job.data, error)).catch(() => undefined)
      }
    } finally {
      q.running.delete(job.id)
      setImmediate(() => pump(name))
    }
  }

  return {
    kind: 'in-process',
    async enqueue(queue, jobId, data, options = {}) {
      const q = state(queue)
      if (q.running.has(jobId) || q.waiting.some((job) => job.id === jobId)) return
      const { attempts, backoffMs } = { ...jobDefaults, ...options }
      q.waiting.push({ id: jobId, data, attempt: 1, attempts, backoffMs, runAt: 0 })
      setImmediate(() => pump(queue))
    },
    work(queue, handler, options = {}) {
      state(queue).worker = { handler: handler as JobHandler<unknown>, concurrency: options.concurrency ?? jobDefaults.concurrency, onGiveUp: options.onGiveUp }
      setImmediate(() => pump(queue))
    },
    async depth(queue) {
      const q = state(queue)
      return q.waiting.length + q.running.size
    },
    async close() {
      closed = true
      for (const q of queues.values()) if (q.timer) clearTimeout(q.timer)
      // Let running handlers finish their current step; they commit progress to Postgres.
      while ([...queues.values()].some((q) => q.running.size > 0)) await new Promise((resolve) => setTimeout(resolve, 10))
    },
  }
}
