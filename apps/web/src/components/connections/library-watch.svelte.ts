import type { ConnectionLibrary, LibraryScan } from '@ndith/contracts'

/** About once a second while a scan is queued or running: progress moves visibly, the API is not pressed. */
export const POLL_INTERVAL_MS = 1_000

export const isScanActive = (scan: LibraryScan | null | undefined): boolean => scan?.status === 'queued' || scan?.status === 'running'

/**
 * One connection's library: its latest scan and summary. Loaded once; while the scan is queued or
 * running it is asked again after each answer (never two requests at once) until the scan ends, a
 * request fails (retry() resumes), or stop() (the page went away).
 */
export class LibraryWatch {
  library = $state.raw<ConnectionLibrary | undefined>(undefined)
  error = $state.raw<unknown>(null)
  loading = $state(false)

  #timer: ReturnType<typeof setTimeout> | null = null
  #controller: AbortController | null = null
  #stopped = false

  /**
   * @param onSettled called when a scan this watch saw queued or running has ended (completed or
   * failed): a failure may have changed the connection itself (the provider withdrew the grant)
   */
  constructor(
    private readonly fetchLibrary: (signal: AbortSignal) => Promise<ConnectionLibrary>,
    private readonly onSettled: (scan: LibraryScan) => unknown = () => undefined,
  ) {}

  get scan(): LibraryScan | null {
    return this.library?.scan ?? null
  }

  /** Loads now, and keeps loading while the scan is active. */
  async refresh(): Promise<void> {
    this.#clearTimer()
    this.#controller?.abort()
    this.#stopped = false
    const controller = new AbortController()
    this.#controller = controller
    this.loading = true
    try {
      const library = await this.fetchLibrary(controller.signal)
      if (controller.signal.aborted) return
      const wasActive = isScanActive(this.library?.scan)
      this.library = library
      this.error = null
      if (isScanActive(library.scan)) {
        if (!this.#stopped) this.#timer = setTimeout(() => void this.refresh(), POLL_INTERVAL_MS)
      } else if (wasActive && library.scan) {
        this.onSettled(library.scan)
      }
    } catch (error) {
      if (controller.signal.aborted) return
      this.error = error
    } finally {
      if (this.#controller === controller) this.loading = false
    }
  }

  /** A scan was just started: show it at once and follow it. */
  follow(scan: LibraryScan): void {
    this.library = { scan, summary: this.library?.summary ?? null }
    this.#clearTimer()
    this.#timer = setTimeout(() => void this.refresh(), POLL_INTERVAL_MS)
  }

  stop(): void {
    this.#stopped = true
    this.#clearTimer()
    this.#controller?.abort()
    this.#controller = null
    this.loading = false
  }

  #clearTimer() {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = null
  }
}
