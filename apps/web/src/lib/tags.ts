import { MAX_TAGS, MAX_TAG_LENGTH, normalizeTag } from '@ndith/contracts'

/** Characters that separate tags while typing (and that a tag may not contain). */
const SEPARATORS = /[,;\n]/

/** Trimmed, inner whitespace collapsed: the contract's rule, the one the API stores tags by. */
export const cleanTag = normalizeTag

export interface TagAddResult {
  tags: string[]
  /** One message per piece of input that could not become a tag. */
  problems: string[]
}

/**
 * Adds what the user typed ("live, 2024; noisy") to `current`: split on commas, semicolons and line
 * breaks, cleaned, and checked against the contract's limits. Duplicates (ignoring case) are skipped
 * with a message, so nothing the user typed disappears silently.
 */
export function addTags(current: readonly string[], input: string): TagAddResult {
  const tags = [...current]
  const problems: string[] = []
  for (const piece of input.split(SEPARATORS)) {
    const tag = cleanTag(piece)
    if (!tag) continue
    if (tags.some((existing) => existing.toLowerCase() === tag.toLowerCase())) {
      problems.push(`"${tag}" is already a tag`)
    } else if (tag.length > MAX_TAG_LENGTH) {
      problems.push(`"${tag.slice(0, 12)}…" is too long: a tag can have at most ${MAX_TAG_LENGTH} characters`)
    } else if (tags.length >= MAX_TAGS) {
      problems.push(`An entry can have at most ${MAX_TAGS} tags`)
      break
    } else {
      tags.push(tag)
    }
  }
  return { tags, problems }
}

export function removeTag(current: readonly string[], tag: string): string[] {
  return current.filter((existing) => existing !== tag)
}
