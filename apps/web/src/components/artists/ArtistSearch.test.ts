import type { Artist, ArtistSearchResponse } from '@ndith/contracts'
import { screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../lib/api/errors.ts'
import { artist, fakeApis, renderWithApis } from '../../test/fake-apis.ts'
import ArtistSearch from './ArtistSearch.svelte'

const kanye = artist('Kanye West', { aliases: ['Ye'], genres: ['hip hop'], externalIds: { spotify: '5K4W6rqBFWDnAN6FQUkS6x', musicbrainz: '164f0d73-1234-4e2c-8743-d77bf2191051' } })
/** A first page of search results; each artist off the list unless it says otherwise. */
const page = (items: (Artist & { score?: number; onList?: boolean })[], suggestions: string[] = []): ArtistSearchResponse => ({
  items: items.map((a) => ({ score: 0.5, onList: false, ...a })),
  hasMore: false,
  limit: 10,
  offset: 0,
  suggestions,
})

describe('ArtistSearch', () => {
  it('searches as the user types and shows each result with its provider badges', async () => {
    const search = vi.fn(async () => page([{ ...kanye, score: 0.8 }]))
    const onselect = vi.fn()
    renderWithApis(ArtistSearch, { id: 's', onselect, debounceMs: 0 }, fakeApis({ artists: { search } }))

    await userEvent.type(screen.getByLabelText('Find an artist'), 'kanye wst')

    const choose = await screen.findByRole('button', { name: 'Choose Kanye West' })
    expect(search).toHaveBeenLastCalledWith('kanye wst', { limit: 10 }, expect.any(AbortSignal))
    expect(screen.getByText('Spotify')).toBeInTheDocument()
    expect(screen.getByText('MusicBrainz')).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('1 artist found')

    await userEvent.click(choose)
    expect(onselect).toHaveBeenCalledWith(expect.objectContaining({ id: kanye.id, name: 'Kanye West' }))
  })

  it('waits for two characters before searching', async () => {
    const search = vi.fn()
    renderWithApis(ArtistSearch, { id: 's', onselect: vi.fn(), debounceMs: 0 }, fakeApis({ artists: { search } }))

    await userEvent.type(screen.getByLabelText('Find an artist'), 'k')

    expect(screen.getByRole('status')).toHaveTextContent('Keep typing')
    expect(search).not.toHaveBeenCalled()
  })

  it('resolves a pasted provider link instead of searching by name', async () => {
    const resolve = vi.fn(async () => kanye)
    renderWithApis(ArtistSearch, { id: 's', onselect: vi.fn(), debounceMs: 0 }, fakeApis({ artists: { resolve } }))

    await userEvent.click(screen.getByLabelText('Find an artist'))
    await userEvent.paste('https://open.spotify.com/artist/5K4W6rqBFWDnAN6FQUkS6x')

    expect(await screen.findByRole('button', { name: 'Choose Kanye West' })).toBeInTheDocument()
    expect(resolve).toHaveBeenCalledWith('https://open.spotify.com/artist/5K4W6rqBFWDnAN6FQUkS6x')
  })

  it('picks the only match with Enter', async () => {
    const onselect = vi.fn()
    renderWithApis(ArtistSearch, { id: 's', onselect, debounceMs: 0 }, fakeApis({ artists: { resolve: vi.fn(async () => kanye) } }))

    await userEvent.click(screen.getByLabelText('Find an artist'))
    await userEvent.paste('spotify:artist:5K4W6rqBFWDnAN6FQUkS6x')
    await screen.findByRole('button', { name: 'Choose Kanye West' })
    await userEvent.keyboard('{Enter}')

    expect(onselect).toHaveBeenCalledWith(kanye)
  })

  it("says why a link matched nothing, in the API's words", async () => {
    const resolve = vi.fn(async () => {
      throw new ApiError(404, 'NOT_FOUND', 'This Spotify artist is not in the catalog')
    })
    renderWithApis(ArtistSearch, { id: 's', onselect: vi.fn(), debounceMs: 0 }, fakeApis({ artists: { resolve } }))

    await userEvent.click(screen.getByLabelText('Find an artist'))
    await userEvent.paste('spotify:artist:0000000000000000000000')

    expect(await screen.findByText('This Spotify artist is not in the catalog')).toBeInTheDocument()
  })

  it('moves from the search box into the results with the arrow keys', async () => {
    const search = vi.fn(async () => page([{ ...kanye, score: 1 }, artist('Drake')]))
    renderWithApis(ArtistSearch, { id: 's', onselect: vi.fn(), debounceMs: 0 }, fakeApis({ artists: { search } }))
    const box = screen.getByLabelText('Find an artist')
    await userEvent.type(box, 'ye')
    await screen.findByRole('button', { name: 'Choose Drake' })

    await userEvent.keyboard('{ArrowDown}')
    expect(screen.getByRole('button', { name: 'Choose Kanye West' })).toHaveFocus()
    await userEvent.keyboard('{ArrowDown}')
    expect(screen.getByRole('button', { name: 'Choose Drake' })).toHaveFocus()
    await userEvent.keyboard('{ArrowUp}{ArrowUp}')
    expect(box).toHaveFocus()
  })

  it('marks the artists already on the list', async () => {
    const search = vi.fn(async () => page([{ ...artist('Drake'), onList: true }, artist('Drake Bell')]))
    renderWithApis(ArtistSearch, { id: 's', onselect: vi.fn(), debounceMs: 0 }, fakeApis({ artists: { search } }))

    await userEvent.type(screen.getByLabelText('Find an artist'), 'darke')

    const rows = await screen.findAllByRole('listitem')
    expect(rows[0]).toHaveTextContent('On your list')
    expect(rows[1]).not.toHaveTextContent('On your list')
  })

  it('offers "did you mean" when nothing matched, and runs that search when chosen', async () => {
    const search = vi.fn(async (q: string) => (q === 'Taylor Swift' ? page([artist('Taylor Swift')]) : page([], ['Taylor Swift', 'Swift Boys'])))
    renderWithApis(ArtistSearch, { id: 's', onselect: vi.fn(), debounceMs: 0 }, fakeApis({ artists: { search } }))
    const box = screen.getByLabelText('Find an artist')

    await userEvent.type(box, 'tailer swyft')
    expect(await screen.findByText(/Did you mean/)).toHaveTextContent('Did you mean Taylor Swift or Swift Boys?')
    expect(screen.getByRole('status')).toHaveTextContent('No artist matches “tailer swyft”.')
    await userEvent.click(screen.getByRole('button', { name: 'Taylor Swift' }))

    expect(box).toHaveValue('Taylor Swift')
    expect(box).toHaveFocus()
    expect(await screen.findByRole('button', { name: 'Choose Taylor Swift' })).toBeInTheDocument()
    expect(search).toHaveBeenLastCalledWith('Taylor Swift', { limit: 10 }, expect.any(AbortSignal))
    expect(screen.queryByText(/Did you mean/)).not.toBeInTheDocument()
  })
})
