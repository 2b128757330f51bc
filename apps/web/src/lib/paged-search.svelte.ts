import { onMount, untrack } from 'svelte'
import { Loader } from './loader.svelte.ts'

export interface PageQuery {
  q: string | undefined
  limit: number
  offset: number
}

/**
 * One page of a list the user can search and page through: the query and offset, the loader, a
 * reload 250 ms after typing stops (back to the first page), and loading on mount. Create it while
 * a component initialises: it registers that component's effect and mount hook.
 */
export class PagedSearch<T> {
  q = $state('')
  offset = $state(0)
  readonly page: Loader<T>

  constructor(
    readonly limit: number,
    fetch: (query: PageQuery, signal: AbortSignal) => Promise<T>,
  ) {
    this.page = new Loader((signal) => fetch({ q: this.q.trim() || undefined, limit, offset: this.offset }, signal))
    // Declared before onMount, so its first run (on mount) is skipped and only typing reloads.
    let ready = false
    $effect(() => {
      void this.q
      if (!untrack(() => ready)) return
      const timer = setTimeout(() => ((this.offset = 0), void this.page.load()), 250)
      return () => clearTimeout(timer)
    })
    onMount(() => {
      ready = true
      void this.page.load()
      return () => this.page.abort()
    })
  }

  goTo(offset: number): void {
    this.offset = offset
    void this.page.load()
  }
}
