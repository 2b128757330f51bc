import { ErrorCodes, type ErrorCode } from '@ndith/contracts'
import { ApiError, ServerUnreachableError, isKnownErrorCode } from './errors.ts'

export interface FieldMessage {
  /** A password rule id, a schema keyword such as "format", or an error code such as EMAIL_TAKEN. */
  code: string
  message: string
}

/** What a form shows after a failed submit: messages under fields, one form-level alert, or the banner. */
export interface FormFeedback<Field extends string> {
  fields: Partial<Record<Field, FieldMessage[]>>
  alert: string | null
  unreachable: boolean
}

export function noFeedback<Field extends string>(): FormFeedback<Field> {
  return { fields: {}, alert: null, unreachable: false }
}

/** Errors that are about one field although the API reports them at the top level. */
const FIELD_OF_CODE: Partial<Record<ErrorCode, string>> = { EMAIL_TAKEN: 'email' }

export function waitPhrase(seconds: number): string {
  if (seconds < 60) return seconds <= 1 ? 'in a second' : `in ${seconds} seconds`
  const minutes = Math.ceil(seconds / 60)
  if (minutes < 60) return minutes === 1 ? 'in a minute' : `in ${minutes} minutes`
  const hours = Math.ceil(minutes / 60)
  return hours === 1 ? 'in an hour' : `in ${hours} hours`
}

function alertFor(error: ApiError): string {
  if (error.is('RATE_LIMITED')) {
    const when = error.retryAfterSeconds === undefined ? 'later' : waitPhrase(error.retryAfterSeconds)
    return `Too many attempts. Try again ${when}.`
  }
  const fallback = isKnownErrorCode(error.code) ? ErrorCodes[error.code].message : 'Something went wrong'
  const message = error.message || fallback
  return error.status >= 500 && error.requestId ? `${message} (reference ${error.requestId})` : message
}

/**
 * Maps any failure of a form's request to what the form shows. Field errors land under the field
 * they name when the form has that field; anything else becomes the form-level alert, so no message
 * from the server is ever dropped.
 */
export function feedbackFromError<Field extends string>(error: unknown, formFields: readonly Field[]): FormFeedback<Field> {
  const feedback = noFeedback<Field>()
  const isFormField = (name: string): name is Field => (formFields as readonly string[]).includes(name)
  const addToField = (field: Field, message: FieldMessage) => {
    ;(feedback.fields[field] ??= []).push(message)
  }

  if (error instanceof ServerUnreachableError) return { ...feedback, unreachable: true }
  if (!(error instanceof ApiError)) {
    console.error(error)
    return { ...feedback, alert: ErrorCodes.INTERNAL.message }
  }

  const ownField = isKnownErrorCode(error.code) ? FIELD_OF_CODE[error.code] : undefined
  if (ownField && isFormField(ownField)) {
    addToField(ownField, { code: error.code, message: error.message })
    return feedback
  }

  const unplaced: string[] = []
  for (const fieldError of error.fields) {
    if (isFormField(fieldError.field)) addToField(fieldError.field, { code: fieldError.code, message: fieldError.message })
    else unplaced.push(fieldError.message)
  }
  if (error.fields.length === 0 || unplaced.length > 0) {
    feedback.alert = unplaced.length > 0 ? `${alertFor(error)}: ${unplaced.join('; ')}` : alertFor(error)
  }
  return feedback
}
