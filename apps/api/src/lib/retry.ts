export interface RetryOptions {
  attempts: number
  initialDelayMs: number
  maxDelayMs: number
  onRetry?: (attempt: number, error: unknown, delayMs: number) => void
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Calls fn until it succeeds, doubling the delay between attempts up to maxDelayMs. */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  let delay = options.initialDelayMs
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn()
    } catch (error) {
      if (attempt >= options.attempts) throw error
      options.onRetry?.(attempt, error, delay)
      await sleep(delay)
      delay = Math.min(delay * 2, options.maxDelayMs)
    }
  }
}
