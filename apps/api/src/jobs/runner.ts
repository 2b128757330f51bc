/**
 * Background work goes through one interface: BullMQ on Redis when REDIS_URL is set (jobs survive
 * a restart and are shared by every worker process), an in-process runner otherwise (embedded mode).
 * Postgres stays the source of truth for what a job has done; a job only says "work on X", so a
 * job that runs twice (a killed worker, a re-enqueue on start) must find its progress there.
 */
export interface JobContext {
  jobId: string
  /** 1 on the first run, then 2, 3, ... on retries after failures. */
  attempt: number
}

export type JobHandler<T> = (data: T, context: JobContext) => Promise<void>

/**
 * Thrown by a handler when the provider said "slow down": the queue pauses for `retryAfterMs`
 * (every job on it: Spotify's limit is per app, not per user), then this job runs again without
 * counting as a failed attempt.
 */
export class RateLimited extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`rate limited for ${retryAfterMs} ms`)
  }
}

export interface EnqueueOptions {
  /** Attempts before the job is given up (failures, not rate limits). */
  attempts?: number
  /** First retry delay; doubled on every further attempt. */
  backoffMs?: number
}

export interface WorkOptions {
  concurrency?: number
  /** Called when a job ran out of attempts, with the last error. */
  onGiveUp?: (jobId: string, data: unknown, error: unknown) => Promise<void> | void
}

export interface JobRunner {
  kind: 'bullmq' | 'in-process'
  /** Adds a job unless one with this id is already waiting or running (enqueueing is idempotent). */
  enqueue(queue: string, jobId: string, data: object, options?: EnqueueOptions): Promise<void>
  /** Starts working a queue in this process. */
  work<T>(queue: string, handler: JobHandler<T>, options?: WorkOptions): void
  /** Jobs waiting or running (for health checks and metrics). */
  depth(queue: string): Promise<number>
  close(): Promise<void>
}

export const jobDefaults = { concurrency: 1, attempts: 5, backoffMs: 1000 }
