import type { BlocklistEntry, BlocklistPage } from '@ndith/contracts'
import { describe, expect, it, vi } from 'vitest'
import type { BlocklistApi } from '../../lib/api/blocklist-api.ts'
import { BlocklistView, toQuery } from './blocklist-view.svelte.ts'

const artist = (name: string) => ({ id: `id-${name}`, name, aliases: [], imageUrl: null, genres: [], externalIds: {} })
const entry = (name: string, tags: string[] = []): BlocklistEntry => ({
  id: `entry-${name}`,
  artist: artist(name),
  tags,
  note: null,
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
})
const page = (items: BlocklistEntry[], total: number, offset = 0): BlocklistPage => ({ items, total, limit: 2, offset, tags: ['live'] })

function fakeApi(overrides: Partial<BlocklistApi> = {}): BlocklistApi {
  const fail = () => Promise.reject(new Error('not expected'))
  return { list: fail, add: fail, update: fail, remove: fail, exportFile: fail, previewImport: fail, confirmImport: fail, ...overrides }
}

describe('toQuery', () => {
  it('sends only the filters in use, with sort and order from the sort choice', () => {
    expect(toQuery({ q: '  kanye ', tag: '', sort: 'name-asc', offset: 25, limit: 25 })).toEqual({
      q: 'kanye',
      sort: 'name',
      order: 'asc',
      limit: 25,
      offset: 25,
    })
  })
})

describe('BlocklistView', () => {
  it('steps back a page when removing the last entry of the last page leaves it empty', async () => {
    const list = vi.fn<BlocklistApi['list']>(async (query) =>
      query.offset === 2 ? page([], 2, 2) : page([entry('Drake'), entry('Future')], 2, 0),
    )
    const view = new BlocklistView(fakeApi({ list }), 2)
    view.search.offset = 2

    await view.search.load()

    expect(view.search.offset).toBe(0)
    expect(list).toHaveBeenCalledTimes(2)
    expect(view.page.data?.items.map((e) => e.artist.name)).toEqual(['Drake', 'Future'])
  })

  it('removes an entry from the page at once and hands back the undo payload', async () => {
    const drake = entry('Drake', ['live'])
    const view = new BlocklistView(fakeApi({ list: async () => page([drake, entry('Future')], 2), remove: async () => drake }), 2)
    await view.search.load()

    const removed = await view.remove(drake)

    expect(removed).toBe(drake)
    expect(view.page.data?.items.map((e) => e.artist.name)).toEqual(['Future'])
    expect(view.page.data?.total).toBe(1)
  })

  it('undo re-adds the artist with its tags and note', async () => {
    const add = vi.fn<BlocklistApi['add']>(async () => ({ entry: entry('Drake'), created: true }))
    const view = new BlocklistView(fakeApi({ add }))

    await view.restore({ ...entry('Drake', ['live']), note: 'Not on my playlists' })

    expect(add).toHaveBeenCalledWith({ artistId: 'id-Drake', tags: ['live'], note: 'Not on my playlists' })
  })

  it('shows an edited entry in place and learns its new tags', async () => {
    const view = new BlocklistView(fakeApi({ list: async () => page([entry('Drake')], 1) }))
    await view.search.load()

    view.replace(entry('Drake', ['allegations']))

    expect(view.page.data?.items[0]?.tags).toEqual(['allegations'])
    expect(view.tags).toEqual(['allegations', 'live'])
  })
})
