import type { EnforcementRun } from '@ndith/contracts'
import { isRunActive } from './enforcement-text.ts'

/** About once a second while a run is queued or running: the bar moves visibly, the API is not pressed. */
export const RUN_POLL_INTERVAL_MS = 1_000

/**
 * One run followed to its end: asked again a second after each answer (never two requests at once)
 * while it is queued or running, until it ends, a request fails (refresh() resumes) or stop().
 */
export class RunWatch {
  run = $state.raw<EnforcementRun | undefined>(undefined)
  error = $state.raw<unknown>(null)

  #timer: ReturnType<typeof setTimeout> | null = null
  #controller: AbortController | null = null

  /** @param onEnded called once when a run this watch saw active has ended */
  constructor(
    private readonly fetchRun: (runId: string, signal: AbortSignal) => Promise<EnforcementRun>,
    private readonly onEnded: (run: EnforcementRun) => unknown = () => undefined,
  ) {}

  /** Shows a run at once (just started, or found active in the history) and follows it while it is active. */
  follow(run: EnforcementRun): void {
    this.stop()
    this.run = run
    this.error = null
    if (isRunActive(run)) this.#schedule()
  }

  /** Asks for the run now (the banner's Retry), and keeps following it. */
  async refresh(): Promise<void> {
    const current = this.run
    if (!current) return
    this.#clearTimer()
    this.#controller?.abort()
    const controller = new AbortController()
    this.#controller = controller
    try {
      const run = await this.fetchRun(current.id, controller.signal)
      if (controller.signal.aborted) return
      this.run = run
      this.error = null
      if (isRunActive(run)) this.#schedule()
      else if (isRunActive(current)) this.onEnded(run)
    } catch (error) {
      if (controller.signal.aborted) return
      this.error = error
    }
  }

  stop(): void {
    this.#clearTimer()
    this.#controller?.abort()
    this.#controller = null
  }

  #schedule() {
    this.#clearTimer()
    this.#timer = setTimeout(() => void this.refresh(), RUN_POLL_INTERVAL_MS)
  }

  #clearTimer() {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = null
  }
}
