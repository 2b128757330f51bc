// Limits and checks the API and the web app both apply. Plain values only (no schema code), so
// the app's bundle does not carry the schema library: keep TypeBox out of this file.

// My list
export const MAX_TAGS = 10
export const MAX_TAG_LENGTH = 32
export const MAX_NOTE_LENGTH = 1000
/** The columns of an exported (and importable) CSV. */
export const CSV_COLUMNS = ['name', 'url', 'tags', 'note', 'added_at'] as const
/** Tags inside one CSV cell are separated by this character. */
export const CSV_TAG_SEPARATOR = '|'

// Community lists
/** The name a curator shows on their lists. */
export const MAX_DISPLAY_NAME_LENGTH = 50
export const MAX_LIST_NAME_LENGTH = 120
export const MAX_LIST_TEXT_LENGTH = 2000
export const MAX_RATIONALE_LENGTH = 1000
export const MAX_EVIDENCE_URL_LENGTH = 2000

/** Evidence links must be web pages: http(s) only. Returns the problem, or undefined when fine. */
export function evidenceUrlProblem(url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'Enter a full link, starting with https://'
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? undefined : 'Only http(s) links can be evidence'
}

// Imports
export const MAX_IMPORT_ROWS = 10_000
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024
