// Tag rules the API stores by and the web app previews with. Plain code (no schema library), so
// the app's bundle does not carry TypeBox for them.

/** Trimmed, inner whitespace collapsed to one space. */
export const normalizeTag = (raw: string): string => raw.trim().replace(/\s+/g, ' ')

/** Normalized, without empties and without case-insensitive duplicates (the first spelling wins). */
export function normalizeTags(tags: readonly string[] | undefined): string[] {
  const seen = new Map<string, string>()
  for (const tag of tags ?? []) {
    const clean = normalizeTag(tag)
    if (clean && !seen.has(clean.toLowerCase())) seen.set(clean.toLowerCase(), clean)
  }
  return [...seen.values()]
}
