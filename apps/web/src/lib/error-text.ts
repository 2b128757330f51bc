import { ApiError, ServerUnreachableError } from './api/errors.ts'
import { feedbackFromError } from './api/form-feedback.ts'

/**
 * What to tell the user about a failed action outside a form (a toast or an inline alert), or null
 * when nothing should be said: a 401 has already ended the session and the app is going to sign in.
 */
export function actionErrorText(error: unknown, doing: string): string | null {
  if (error instanceof ApiError && error.status === 401) return null
  if (error instanceof ServerUnreachableError) return `Couldn't ${doing}: can't reach the server. Check your connection and try again.`
  const alert = feedbackFromError(error, []).alert ?? 'Something went wrong'
  return `Couldn't ${doing}: ${alert}`
}

/** True when a failure is the session ending (the router is already taking the user to sign in). */
export function isSessionEnd(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401
}
