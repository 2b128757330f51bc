/** Spotify's Web API error: `{ error: { status, message } }` (a 429 may add `reason`). */
export class WebApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reason?: string,
  ) {
    super(message)
  }

  body() {
    return { error: { status: this.status, message: this.message, ...(this.reason ? { reason: this.reason } : {}) } }
  }
}

/** The accounts service's OAuth error: `{ error, error_description }`. */
export class OAuthError extends Error {
  constructor(
    readonly code: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type',
    readonly description: string,
    readonly status = 400,
  ) {
    super(description)
  }
}
