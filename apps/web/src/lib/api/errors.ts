import { ErrorCodes, type ErrorCode, type FieldError } from '@ndith/contracts'

/** The API answered with its one error shape: `{ error: { code, message, fields? }, requestId }`. */
export class ApiError extends Error {
  override readonly name = 'ApiError'

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldError[] = [],
    readonly requestId: string | undefined = undefined,
    /** From Retry-After on 429 and 503 answers. */
    readonly retryAfterSeconds: number | undefined = undefined,
  ) {
    super(message)
  }

  is(code: ErrorCode): boolean {
    return this.code === code
  }
}

/**
 * The API could not serve the request at all: it never answered (offline, DNS, connection refused),
 * a proxy answered for it (5xx without the API's error shape), or it said SERVICE_UNAVAILABLE.
 * The UI shows the "Can't reach the server" banner with a Retry for all of them.
 */
export class ServerUnreachableError extends Error {
  override readonly name = 'ServerUnreachableError'

  constructor(readonly status: number | undefined = undefined, options?: ErrorOptions) {
    super("Can't reach the server", options)
  }
}

export function isKnownErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ErrorCodes, code)
}
