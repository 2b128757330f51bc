import { ErrorCodes, type ErrorCode, type FieldError } from '@ndith/contracts'

/** An error meant for the client: its code decides the status; the message is safe to show. */
export class AppError extends Error {
  readonly status: number

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message ?? ErrorCodes[code].message)
    this.status = ErrorCodes[code].status
  }
}

export const validationError = (fields: FieldError[]) => new AppError('VALIDATION_FAILED', undefined, fields)
