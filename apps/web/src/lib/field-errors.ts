import { ApiError } from './api/errors.ts'
import { feedbackFromError, type FormFeedback } from './api/form-feedback.ts'

/**
 * feedbackFromError, with item paths folded into their field: the API reports "tags.3" or
 * "rows.12" for one element of an array, and the form shows that under "tags" or "rows".
 */
export function formFeedback<Field extends string>(error: unknown, fields: readonly Field[]): FormFeedback<Field> {
  if (!(error instanceof ApiError) || error.fields.length === 0) return feedbackFromError(error, fields)
  const folded = error.fields.map((f) => ({ ...f, field: f.field.replace(/^\//, '').split(/[./]/)[0] ?? f.field }))
  return feedbackFromError(new ApiError(error.status, error.code, error.message, folded, error.requestId, error.retryAfterSeconds), fields)
}
