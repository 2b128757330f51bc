/**
 * What can go wrong talking to a streaming provider, sorted by what the caller should do about it.
 * Messages never contain tokens.
 */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly provider: string,
    /** Worth trying again later (after `retryAfterSeconds` when set). */
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** 429: wait `retryAfterSeconds`. `quotaExceeded` (Spotify, since 2026-07) means the app's quota, not a burst. */
export class RateLimitedError extends ProviderError {
  constructor(provider: string, readonly retryAfterSeconds: number, readonly quotaExceeded: boolean) {
    super(`${provider} rate limit${quotaExceeded ? ' (QUOTA_EXCEEDED)' : ''}: retry after ${retryAfterSeconds}s`, provider, true)
  }
}

/** 5xx, a timeout or a network failure. For a write, `outcomeUnknown`: it may have been applied. */
export class ProviderUnavailableError extends ProviderError {
  constructor(provider: string, message: string, readonly outcomeUnknown: boolean, options?: { cause?: unknown }) {
    super(message, provider, true, options)
  }
}

/** 401 from the API: refresh the access token and try once more. */
export class AccessTokenRejectedError extends ProviderError {
  constructor(provider: string) {
    super(`${provider} rejected the access token`, provider, false)
  }
}

/** The token endpoint refused the refresh token (invalid_grant): the listener has to connect again. */
export class GrantRevokedError extends ProviderError {
  constructor(provider: string, readonly description: string | undefined) {
    super(`${provider} revoked the grant${description ? `: ${description}` : ''}`, provider, false)
  }
}

/** Any other refusal (400, 403, 404): retrying the same request will not help. */
export class ProviderRequestError extends ProviderError {
  constructor(provider: string, readonly status: number, readonly providerMessage: string | undefined) {
    super(`${provider} answered ${status}${providerMessage ? `: ${providerMessage}` : ''}`, provider, false)
  }
}

/** The connection has no usable grant (revoked, or never completed): the listener must connect again. */
export class ReconnectRequiredError extends Error {
  constructor(readonly connectionId: string, reason: string) {
    super(`connection ${connectionId} needs to be connected again: ${reason}`)
  }
}
