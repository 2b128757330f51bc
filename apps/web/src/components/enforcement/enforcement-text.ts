import { PLAN_CATEGORIES, type EnforcementRun, type PlanCategoryName, type PlanSummary, type RunProgress } from '@ndith/contracts'

const number = (value: number) => value.toLocaleString()
export const count = (n: number, one: string, many: string) => `${number(n)} ${n === 1 ? one : many}`

/** The categories a plan acts on, in the preview's order, with how many actions each has. */
export const categoryCounts = (summary: PlanSummary) => PLAN_CATEGORIES.map((category) => ({ category, count: summary.byCategory[category] }))

/** What each category's actions are, as a noun: "3 saved tracks". */
export const CATEGORY_NOUNS: Record<PlanCategoryName, readonly [string, string]> = {
  savedTracks: ['saved track', 'saved tracks'],
  savedAlbums: ['saved album', 'saved albums'],
  followedArtists: ['followed artist', 'followed artists'],
  playlistItems: ['playlist item', 'playlist items'],
}

/** "about 12 seconds left", "about 3 minutes left". */
export function timeLeft(seconds: number | null): string | null {
  if (seconds === null) return null
  if (seconds < 60) return seconds <= 1 ? 'about a second left' : `about ${seconds} seconds left`
  const minutes = Math.round(seconds / 60)
  return minutes === 1 ? 'about a minute left' : `about ${minutes} minutes left`
}

/** One sentence for the progress bar's text alternative and the line under it. */
export function progressText(run: Pick<EnforcementRun, 'status' | 'progress'>): string {
  const p: RunProgress = run.progress
  if (run.status === 'queued') return `Waiting to start: ${count(p.total, 'item', 'items')} to do.`
  const parts = [`${number(p.done)} of ${number(p.total)} done`]
  if (p.failed > 0) parts.push(`${number(p.failed)} failed`)
  parts.push(`${number(p.remaining)} remaining`)
  if (p.retries > 0) parts.push(`${count(p.retries, 'call', 'calls')} retried`)
  const left = run.status === 'running' ? timeLeft(p.estimatedSecondsRemaining) : null
  return `${parts.join(', ')}${left ? ` (${left})` : ''}.`
}

export const isRunActive = (run: Pick<EnforcementRun, 'status'> | null | undefined): boolean => run?.status === 'queued' || run?.status === 'running'

/** "position 4", "positions 4 and 9" (1-based for people; the API counts from 0). */
export function positionsText(positions: readonly number[]): string {
  const shown = positions.map((p) => number(p + 1))
  if (shown.length === 0) return ''
  if (shown.length === 1) return `position ${shown[0]}`
  return `positions ${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`
}
