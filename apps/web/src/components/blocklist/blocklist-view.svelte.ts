import type { BlocklistEntry, BlocklistPage, BlocklistQuery } from '@ndith/contracts'
import type { BlocklistApi } from '../../lib/api/blocklist-api.ts'
import type { Loader } from '../../lib/loader.svelte.ts'
import { PagedSearch } from '../../lib/paged-search.svelte.ts'

export type SortKey = 'added-desc' | 'added-asc' | 'name-asc' | 'name-desc'

export const SORT_OPTIONS: readonly { value: SortKey; label: string }[] = [
  { value: 'added-desc', label: 'Newest first' },
  { value: 'added-asc', label: 'Oldest first' },
  { value: 'name-asc', label: 'Name A–Z' },
  { value: 'name-desc', label: 'Name Z–A' },
]

export interface ListFilters {
  q: string
  tag: string
  sort: SortKey
  offset: number
  limit: number
}

/** The API query for what the user chose: empty filters are left out. */
export function toQuery({ q, tag, sort, offset, limit }: ListFilters): BlocklistQuery {
  const [by, order] = sort.split('-') as ['added' | 'name', 'asc' | 'desc']
  const text = q.trim()
  return { ...(text ? { q: text } : {}), ...(tag ? { tag } : {}), sort: by, order, limit, offset }
}

/** My list as the page shows it: the search and filters, the current page, and the changes made from it. */
export class BlocklistView {
  tag = $state('')
  sort = $state<SortKey>('added-desc')
  readonly search: PagedSearch<BlocklistPage>
  /** Every tag the user has, from the last answer (for the filter and suggestions). */
  tags = $derived.by(() => this.page.data?.tags ?? [])

  constructor(
    private readonly api: BlocklistApi,
    limit = 25,
  ) {
    this.search = new PagedSearch(limit, ({ q, offset }, signal) => api.list(toQuery({ q: q ?? '', tag: this.tag, sort: this.sort, offset, limit }), signal))
  }

  get page(): Loader<BlocklistPage> {
    return this.search.page
  }

  get filtered(): boolean {
    return this.search.q.trim() !== '' || this.tag !== ''
  }

  clearFilters(): void {
    this.search.q = ''
    this.tag = ''
  }

  /** Shows an edited entry at once, in place. */
  replace(entry: BlocklistEntry): void {
    const data = this.page.data
    if (!data) return
    const tags = [...data.tags, ...entry.tags.filter((tag) => !data.tags.includes(tag))].sort((a, b) => a.localeCompare(b))
    this.page.set({ ...data, tags, items: data.items.map((item) => (item.id === entry.id ? entry : item)) })
  }

  /** Removes an entry; resolves with what the API removed (the undo payload). */
  async remove(entry: BlocklistEntry): Promise<BlocklistEntry> {
    const removed = await this.api.remove(entry.id)
    const data = this.page.data
    if (data) this.page.set({ ...data, items: data.items.filter((item) => item.id !== entry.id), total: Math.max(0, data.total - 1) })
    return removed
  }

  /** Undo: adds the removed entry back with its tags and note. */
  async restore(removed: BlocklistEntry): Promise<void> {
    await this.api.add({ artistId: removed.artist.id, tags: removed.tags, ...(removed.note ? { note: removed.note } : {}) })
  }
}
