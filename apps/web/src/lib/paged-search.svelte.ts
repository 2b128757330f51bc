import { onMount, untrack } from 'svelte'
import { Loader } from './loader.svelte.ts'
import { clampOffset } from './paging.ts'

export interface PageQuery {
  q: string | undefined
  limit: number
  offset: number
}

/** What a page of anything looks like: its rows and how many there are in all. */
interface PageOfRows {
  items: readonly unknown[]
  total: number
}

/**
 * One page of a list the user can search and page through: the query, the offset and the loader.
 * `autoload` wires it to the component that shows it.
 */
export class PagedSearch<T extends PageOfRows> {
  q = $state('')
  offset = $state(0)
  readonly page: Loader<T>

  constructor(
    readonly limit: number,
    fetch: (query: PageQuery, signal: AbortSignal) => Promise<T>,
  ) {
    this.page = new Loader((signal) => fetch({ q: this.q.trim() || undefined, limit, offset: this.offset }, signal))
  }

  /** Loads the page; when it came back empty past the end (rows removed or filtered away), steps back to the last page with rows. */
  async load(): Promise<void> {
    await this.page.load()
    const data = this.page.data
    if (!data || data.items.length > 0) return
    const offset = clampOffset({ total: data.total, limit: this.limit, offset: this.offset })
    if (offset !== this.offset) {
      this.offset = offset
      await this.page.load()
    }
  }

  goTo(offset: number): void {
    this.offset = offset
    void this.load()
  }

  /**
   * Call while a component initialises: loads on mount, reloads the first page 250 ms after typing
   * stops and at once when what `filters` reads changes (a tag, a sort), and stops on destroy.
   */
  autoload(filters: () => unknown = () => undefined): this {
    // Declared before onMount, so their first runs (on mount) are skipped and only changes reload.
    let ready = false
    $effect(() => {
      void this.q
      if (!untrack(() => ready)) return
      const timer = setTimeout(() => this.goTo(0), 250)
      return () => clearTimeout(timer)
    })
    $effect(() => {
      void filters()
      if (untrack(() => ready)) untrack(() => this.goTo(0))
    })
    onMount(() => {
      ready = true
      void this.load()
      return () => this.page.abort()
    })
    return this
  }
}
