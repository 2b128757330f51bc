/**
 * One piece of data loaded from the API. Each load() supersedes the previous one: its request is
 * aborted and a late answer is ignored, so typing fast or paging quickly never shows stale results.
 * The last good data stays while a reload runs, so lists do not flash empty.
 */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

export class Loader<T> {
  data = $state.raw<T | undefined>(undefined)
  status = $state<LoadStatus>('idle')
  error = $state.raw<unknown>(null)

  #controller: AbortController | null = null

  constructor(private readonly fetcher: (signal: AbortSignal) => Promise<T>) {}

  /** True only for the very first load, when there is nothing to show yet. */
  get initialLoading(): boolean {
    return this.status === 'loading' && this.data === undefined
  }

  async load(): Promise<void> {
    this.#controller?.abort()
    const controller = new AbortController()
    this.#controller = controller
    this.status = 'loading'
    try {
      const data = await this.fetcher(controller.signal)
      if (controller.signal.aborted) return
      this.data = data
      this.error = null
      this.status = 'ready'
    } catch (error) {
      if (controller.signal.aborted) return
      this.error = error
      this.status = 'error'
    }
  }

  /** Replaces the data after a local change (e.g. an edited row), without a round trip. */
  set(data: T): void {
    this.data = data
  }

  /** Stops the request in flight (e.g. when the component goes away). */
  abort(): void {
    this.#controller?.abort()
    this.#controller = null
    if (this.status === 'loading') this.status = this.data === undefined ? 'idle' : 'ready'
  }
}
