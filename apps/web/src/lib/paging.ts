export interface PageWindow {
  total: number
  limit: number
  offset: number
}

const count = (n: number, [one, many]: readonly [string, string]) => `${n.toLocaleString()} ${n === 1 ? one : many}`

/** "1–25 of 103 artists", "1 artist", "No artists". */
export function pageSummary({ total, limit, offset }: PageWindow, noun: readonly [string, string]): string {
  if (total === 0) return `No ${noun[1]}`
  const first = Math.min(offset + 1, total)
  const last = Math.min(offset + limit, total)
  if (first === 1 && last === total) return count(total, noun)
  return `${first.toLocaleString()}–${last.toLocaleString()} of ${count(total, noun)}`
}

/**
 * The offset to show after the page's rows changed: when the last row of the last page goes
 * (removed, filtered away), step back a page instead of showing an empty one.
 */
export function clampOffset({ total, limit, offset }: PageWindow): number {
  if (offset < total || total === 0) return total === 0 ? 0 : offset
  return Math.max(0, Math.floor((total - 1) / limit) * limit)
}
