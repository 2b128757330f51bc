/**
 * Matches a path against a route pattern such as "/community/:id". Returns the decoded parameters,
 * or null when the path does not fit (each ":name" takes exactly one non-empty segment).
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/')
  const have = path.split('/')
  if (want.length !== have.length) return null
  const params: Record<string, string> = {}
  for (const [i, part] of want.entries()) {
    const segment = have[i]!
    if (part.startsWith(':')) {
      if (!segment) return null
      try {
        params[part.slice(1)] = decodeURIComponent(segment)
      } catch {
        return null
      }
    } else if (part !== segment) {
      return null
    }
  }
  return params
}
