import type { LibraryScan } from '@ndith/contracts'

type ScanPhase = NonNullable<LibraryScan['phase']>

/** What a scan is reading, in words, in the order it reads them (the contract's SCAN_PHASES lives beside TypeBox, so it is not imported). */
export const PHASE_LABELS: Record<ScanPhase, string> = {
  saved_tracks: 'Reading liked songs',
  saved_albums: 'Reading saved albums',
  followed_artists: 'Reading followed artists',
  playlists: 'Reading your playlists',
  playlist_items: 'Reading the songs in your playlists',
}

const PHASES = Object.keys(PHASE_LABELS) as ScanPhase[]
export const PHASE_COUNT = PHASES.length

/** Which of the phases the scan is in (1-based), 0 while it waits for a worker. */
export const phaseStep = (scan: LibraryScan): number => (scan.phase ? PHASES.indexOf(scan.phase) + 1 : 0)

const number = (value: number) => value.toLocaleString()
const plural = (count: number, one: string, many: string) => `${number(count)} ${count === 1 ? one : many}`

/** One sentence for the progress bar's text alternative and the line under it. */
export function scanProgressText(scan: LibraryScan): string {
  if (scan.status === 'queued') return 'Waiting to start…'
  const phase = scan.phase ? `${PHASE_LABELS[scan.phase]} (step ${phaseStep(scan)} of ${PHASE_COUNT})` : 'Starting'
  const retries = scan.retries > 0 ? `, ${plural(scan.retries, 'page', 'pages')} read again after rate limits` : ''
  return `${phase}: ${plural(scan.pagesDone, 'page', 'pages')} read, ${plural(scan.itemsFound, 'item', 'items')} found${retries}.`
}

export { number as formatCount }
