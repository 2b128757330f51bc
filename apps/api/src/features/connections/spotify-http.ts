import {
  AccessTokenRejectedError,
  type ProviderError,
  ProviderRequestError,
  ProviderUnavailableError,
  RateLimitedError,
} from './provider-errors.ts'

const PROVIDER = 'spotify'

/** Spotify's rate limit is a rolling 30-second window: without a usable Retry-After, wait it out. */
export const DEFAULT_RETRY_AFTER_SECONDS = 30

export interface HttpDeps {
  fetch: typeof globalThis.fetch
  /** Per request, including reading the body. */
  timeoutMs: number
  now: () => number
}

/** Retry-After is delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now: number): number {
  if (header) {
    const trimmed = header.trim()
    if (/^\d+$/.test(trimmed)) return Math.max(1, Number(trimmed))
    const date = Date.parse(trimmed)
    if (!Number.isNaN(date)) return Math.max(1, Math.ceil((date - now) / 1000))
  }
  return DEFAULT_RETRY_AFTER_SECONDS
}

function providerMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; error_description?: unknown; message?: unknown }
    if (typeof parsed.error === 'object' && parsed.error && 'message' in parsed.error) return String((parsed.error as { message: unknown }).message)
    if (typeof parsed.error_description === 'string') return parsed.error_description
    if (typeof parsed.error === 'string') return parsed.error
    if (typeof parsed.message === 'string') return parsed.message
  } catch {
    // not JSON: fall through
  }
  return body ? body.slice(0, 200) : undefined
}

/**
 * Sorts an unsuccessful answer into what the caller does next; null for a success.
 * `write`: the request changes the library, so a 5xx leaves its outcome unknown.
 */
export function classifySpotifyResponse(response: Response, body: string, options: { write: boolean; now: number }): ProviderError | null {
  if (response.ok) return null
  if (response.status === 429) {
    return new RateLimitedError(PROVIDER, parseRetryAfter(response.headers.get('retry-after'), options.now), body.includes('QUOTA_EXCEEDED'))
  }
  if (response.status === 401) return new AccessTokenRejectedError(PROVIDER)
  if (response.status >= 500) {
    return new ProviderUnavailableError(PROVIDER, `spotify answered ${response.status}`, options.write)
  }
  return new ProviderRequestError(PROVIDER, response.status, providerMessage(body))
}

export interface SentRequest {
  response: Response
  body: string
}

/** One HTTP exchange with a timeout; network failures and timeouts become ProviderUnavailableError. */
export async function send(deps: HttpDeps, url: string, init: RequestInit, write: boolean): Promise<SentRequest> {
  try {
    const response = await deps.fetch(url, { ...init, signal: AbortSignal.timeout(deps.timeoutMs) })
    return { response, body: await response.text() }
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
    const what = timedOut ? `no answer within ${deps.timeoutMs} ms` : 'could not be reached'
    // Only the path: a query string may carry URIs, never tokens, but keep the log short anyway.
    throw new ProviderUnavailableError(PROVIDER, `spotify ${init.method ?? 'GET'} ${new URL(url).pathname} ${what}`, write, { cause: error })
  }
}

export const parseJson = <T>(body: string): T => (body ? (JSON.parse(body) as T) : ({} as T))
