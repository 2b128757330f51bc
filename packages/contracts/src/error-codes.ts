// Plain values only (the web app imports this; keep TypeBox out).

/**
 * Every error code the API can answer with, its HTTP status and the message a user sees
 * when the server has nothing more specific to say. The web app switches on `code`, never on text.
 */
export const ErrorCodes = {
  VALIDATION_FAILED: { status: 400, message: 'Some fields are not valid' },
  BAD_REQUEST: { status: 400, message: 'The request could not be understood' },
  UNAUTHENTICATED: { status: 401, message: 'Sign in to continue' },
  INVALID_CREDENTIALS: { status: 401, message: 'Email or password is incorrect' },
  SESSION_EXPIRED: { status: 401, message: 'Your session has ended; sign in again' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Method not allowed' },
  EMAIL_TAKEN: { status: 409, message: 'An account with this email already exists' },
  CONFLICT: { status: 409, message: 'The resource changed; reload and try again' },
  PRECONDITION_FAILED: { status: 412, message: 'The resource does not match the request\'s precondition' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported content type' },
  RANGE_NOT_SATISFIABLE: { status: 416, message: 'The requested range is not available' },
  RATE_LIMITED: { status: 429, message: 'Too many attempts; try again later' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side' },
  /** A music provider (Spotify, MusicBrainz) failed; our service itself is fine. */
  PROVIDER_UNAVAILABLE: { status: 502, message: 'A music provider could not be reached; try again in a moment' },
  SERVICE_UNAVAILABLE: { status: 503, message: 'The service is temporarily unavailable' },
} as const satisfies Record<string, { status: number; message: string }>

export type ErrorCode = keyof typeof ErrorCodes
