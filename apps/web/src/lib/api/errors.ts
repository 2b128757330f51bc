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
 * or a proxy answered for it (5xx without the API's error shape). The UI shows the "Can't reach the
 * server" banner with a Retry for all of them.
 */
export class ServerUnreachableError extends Error {
  override readonly name: string = 'ServerUnreachableError'

  constructor(readonly status: number | undefined = undefined, options?: ErrorOptions) {
    super("Can't reach the server", options)
  }
}

/**
 * The server answered, but with a failure of its own (a 5xx that is not a proxy saying the API is
 * unreachable): the user can do nothing but wait, so it shows as the banner, worded "server error".
 */
export class ServerFailureError extends ServerUnreachableError {
  override readonly name = 'ServerFailureError'

  constructor(
    status: number,
    readonly requestId: string | undefined = undefined,
  ) {
    super(status)
    this.message = 'Server error'
  }
}

/** True for a failure of the server itself (any 5xx) as opposed to a problem with the request. */
export const isServerFault = (error: unknown): boolean =>
  error instanceof ServerUnreachableError || (error instanceof ApiError && error.status >= 500)

/** A 5xx from the API in its error shape, as an outage for places that only show the banner. */
export function asOutage(error: unknown): ServerUnreachableError | null {
  if (error instanceof ServerUnreachableError) return error
  if (error instanceof ApiError && error.status >= 500) return new ServerFailureError(error.status, error.requestId)
  return null
}

/**
 * The API said it cannot serve for a moment (503 SERVICE_UNAVAILABLE: its database is down or busy)
 * and, through Retry-After, when to ask again. Shown with the same banner, worded as temporary, and
 * retried by itself after that wait.
 */
export class TemporarilyUnavailableError extends ServerUnreachableError {
  override readonly name = 'TemporarilyUnavailableError'

  constructor(
    status: number,
    /** From Retry-After; undefined when the answer did not say. */
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(status)
  }
}

export function isKnownErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ErrorCodes, code)
}
