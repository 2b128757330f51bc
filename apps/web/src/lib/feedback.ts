import { ErrorCodes, type ErrorCode } from '@ndith/contracts'
import { ApiError, ServerFailureError, ServerUnreachableError, TemporarilyUnavailableError, isKnownErrorCode } from './api/errors.ts'

/**
 * What the app tells the user after a failed request: in a form (messages under fields, one alert,
 * or the banner for an outage) or after an action outside a form (one line, for a toast or alert).
 */

export interface FieldMessage {
  /** A password rule id, a schema keyword such as "format", or an error code such as EMAIL_TAKEN. */
  code: string
  message: string
}

export interface FormFeedback<Field extends string> {
  fields: Partial<Record<Field, FieldMessage[]>>
  alert: string | null
  /** The server could not serve the request: the form shows the banner, and retrying is the remedy. */
  outage: ServerUnreachableError | null
}

export function noFeedback<Field extends string>(): FormFeedback<Field> {
  return { fields: {}, alert: null, outage: null }
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

/** The field a path names: the API reports "tags.3" or "/rows/12" for one element of an array. */
const fieldOfPath = (path: string): string => path.replace(/^\//, '').split(/[./]/)[0] ?? path

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

  if (error instanceof ServerUnreachableError) return { ...feedback, outage: error }
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
    const field = fieldOfPath(fieldError.field)
    if (isFormField(field)) addToField(field, { code: fieldError.code, message: fieldError.message })
    else unplaced.push(fieldError.message)
  }
  if (error.fields.length === 0 || unplaced.length > 0) {
    feedback.alert = unplaced.length > 0 ? `${alertFor(error)}: ${unplaced.join('; ')}` : alertFor(error)
  }
  return feedback
}

/** How the banner and form alerts describe an outage: a temporary one says when it will try again. */
export function outageText(outage: ServerUnreachableError): { title: string; detail: string } {
  if (outage instanceof ServerFailureError) {
    const reference = outage.requestId ? ` (reference ${outage.requestId})` : ''
    return { title: 'Server error.', detail: `The server could not answer${reference}; try again in a moment.` }
  }
  if (!(outage instanceof TemporarilyUnavailableError)) {
    return { title: "Can't reach the server.", detail: 'Check your connection, then try again.' }
  }
  const when = outage.retryAfterSeconds === undefined ? 'in a moment' : waitPhrase(outage.retryAfterSeconds)
  return { title: 'The server is temporarily unavailable.', detail: `Nothing is wrong on your side; try again ${when}.` }
}

/** True when a failure is the session ending (the router is already taking the user to sign in). */
export function isSessionEnd(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401
}

/**
 * What to tell the user about a failed action outside a form (a toast or an inline alert), or null
 * when nothing should be said: a 401 has already ended the session and the app is going to sign in.
 */
export function actionErrorText(error: unknown, doing: string): string | null {
  if (isSessionEnd(error)) return null
  if (error instanceof TemporarilyUnavailableError) return `Couldn't ${doing}: the server is temporarily unavailable. Try again in a moment.`
  if (error instanceof ServerFailureError) return `Couldn't ${doing}: server error. Try again in a moment.`
  if (error instanceof ServerUnreachableError) return `Couldn't ${doing}: can't reach the server. Check your connection and try again.`
  return `Couldn't ${doing}: ${feedbackFromError(error, []).alert ?? 'Something went wrong'}`
}
