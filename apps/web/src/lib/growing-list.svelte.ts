/**
 * A list that grows a page at a time ("Show more"): the items so far, the last page's answer (its
 * counts, its cursor), and the state of the next load. A failed load keeps what was shown.
 */
export class GrowingList<Item, Page extends { items: readonly Item[] }> {
  items = $state.raw<Item[]>([])
  /** The last page's answer; undefined until the first one arrives. */
  last = $state.raw<Page | undefined>(undefined)
  status = $state<'loading' | 'ready' | 'error'>('loading')
  error = $state.raw<unknown>(null)

  /** @param fetchNext fetches the page after `last` (the first page when undefined), `loaded` items in. */
  constructor(private readonly fetchNext: (last: Page | undefined, loaded: number) => Promise<Page>) {}

  async more(): Promise<void> {
    this.status = 'loading'
    try {
      const page = await this.fetchNext(this.last, this.items.length)
      this.items = [...this.items, ...page.items]
      this.last = page
      this.status = 'ready'
    } catch (error) {
      this.error = error
      this.status = 'error'
    }
  }
}
