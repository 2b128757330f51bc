import { ProviderUnavailableError, RateLimitedError } from './provider-errors.ts'
import type { Page } from './provider.ts'

export interface PageReadOptions {
  /** Injected so tests (and the in-process runner) decide what waiting means. */
  sleep: (ms: number) => Promise<void>
  /** Attempts per page before giving up on 5xx or network failures (default 5). */
  maxAttempts?: number
  onRetry?: (info: { cursor: string | null; attempt: number; waitMs: number; error: Error }) => void
}

/**
 * Yields every page of a provider listing in order, retrying a page after a 429 (waiting exactly
 * Retry-After) or a 5xx/network failure (1 s, 2 s, 4 s …), so the number of calls is the number of
 * pages plus the retries. A 429 flagged QUOTA_EXCEEDED is thrown, not waited out: the app's quota
 * will not come back within a scan, and the caller should say so.
 */
export async function* readPages<T>(readPage: (cursor: string | null) => Promise<Page<T>>, options: PageReadOptions): AsyncGenerator<Page<T>> {
  const maxAttempts = options.maxAttempts ?? 5
  let cursor: string | null = null
  do {
    let page: Page<T> | undefined
    for (let attempt = 1; !page; attempt++) {
      try {
        page = await readPage(cursor)
      } catch (error) {
        let waitMs: number
        if (error instanceof RateLimitedError && !error.quotaExceeded) waitMs = error.retryAfterSeconds * 1000
        else if (error instanceof ProviderUnavailableError && attempt < maxAttempts) waitMs = 1000 * 2 ** (attempt - 1)
        else throw error
        options.onRetry?.({ cursor, attempt, waitMs, error })
        await options.sleep(waitMs)
      }
    }
    yield page
    cursor = page.next
  } while (cursor !== null)
}
