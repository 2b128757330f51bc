/**
 * The browser's own rule for `<input type="email">` (WHATWG HTML). Deliberately looser than the API:
 * it catches typos early and leaves the final word (e.g. on "name@localhost") to the server.
 */
const HTML_EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/

/** The message for an email that cannot be submitted, or null when it can. */
export function emailProblem(email: string): string | null {
  const trimmed = email.trim()
  if (trimmed === '') return 'Enter your email address'
  if (!HTML_EMAIL.test(trimmed)) return 'Enter an email address like name@example.com'
  return null
}
