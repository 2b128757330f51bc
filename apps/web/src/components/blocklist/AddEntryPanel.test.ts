import type { AddBlocklistEntryRequest, BlocklistEntry, UpdateBlocklistEntryRequest } from '@ndith/contracts'
import { screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { artist, fakeApis, renderWithApis } from '../../test/fake-apis.ts'
import AddEntryPanel from './AddEntryPanel.svelte'

const drake = artist('Drake')
const listed: BlocklistEntry = {
  id: '9a1b2c3d-0000-4000-8000-000000000001',
  artist: drake,
  tags: ['rap'],
  note: 'Too much',
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
}

function setup(onList: boolean) {
  const search = vi.fn(async () => ({ items: [{ ...drake, score: 1, onList }], hasMore: false, limit: 10, offset: 0, suggestions: [] }))
  const add = vi.fn(async (_body: AddBlocklistEntryRequest) => ({ entry: listed, created: false }))
  const update = vi.fn(async (_id: string, body: UpdateBlocklistEntryRequest) => ({ ...listed, tags: body.tags ?? listed.tags, note: body.note ?? null }))
  const onadded = vi.fn()
  renderWithApis(AddEntryPanel, { suggestions: [], onadded }, fakeApis({ artists: { search }, blocklist: { add, update } }))
  return { user: userEvent.setup({ delay: null }), add, update, onadded }
}

async function chooseDrakeWith(user: ReturnType<typeof userEvent.setup>, tag: string, note: string) {
  await user.type(screen.getByLabelText('Search the catalog'), 'drake')
  await user.click(await screen.findByRole('button', { name: 'Choose Drake' }))
  await user.type(screen.getByLabelText('Tags'), `${tag},`)
  if (note) await user.type(screen.getByLabelText('Note'), note)
  await user.click(screen.getByRole('button', { name: 'Add to my list' }))
}

describe('AddEntryPanel, for an artist already on the list', () => {
  it('says so before adding, then offers to add the typed tag and note to the existing entry', async () => {
    const { user, add, update, onadded } = setup(true)

    await user.type(screen.getByLabelText('Search the catalog'), 'drake')
    expect(await screen.findByText('On your list')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Choose Drake' }))
    expect(screen.getByText(/Drake is already on your list/)).toBeInTheDocument()
    await user.type(screen.getByLabelText('Tags'), 'beef,')
    await user.type(screen.getByLabelText('Note'), 'Live shows too')
    await user.click(screen.getByRole('button', { name: 'Add to my list' }))

    expect(add).toHaveBeenCalledWith({ artistId: drake.id, tags: ['beef'], note: 'Live shows too' })
    expect(screen.getByText('Already on your list — add the tag “beef” and your note to it?')).toBeInTheDocument()
    const confirm = screen.getByRole('button', { name: 'Add to the existing entry' })
    expect(confirm).toHaveFocus()
    await user.click(confirm)

    expect(update).toHaveBeenCalledWith(listed.id, { tags: ['rap', 'beef'], note: 'Too much\nLive shows too' })
    expect(onadded).toHaveBeenCalledWith({ created: false, entry: expect.objectContaining({ tags: ['rap', 'beef'] }) })
    expect(screen.getByLabelText('Search the catalog')).toHaveValue('')
  })

  it('keeps the entry as it is when the offer is declined', async () => {
    const { user, update, onadded } = setup(false)
    await chooseDrakeWith(user, 'beef', '')

    expect(screen.getByText('Already on your list — add the tag “beef” to it?')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Cancel' }))

    expect(update).not.toHaveBeenCalled()
    expect(onadded).not.toHaveBeenCalled()
    expect(screen.getByLabelText('Search the catalog')).toHaveValue('')
  })

  it('offers nothing when the typed tag is already on the entry', async () => {
    const { user, update, onadded } = setup(false)
    await chooseDrakeWith(user, 'Rap', '')

    expect(screen.queryByRole('button', { name: 'Add to the existing entry' })).not.toBeInTheDocument()
    expect(update).not.toHaveBeenCalled()
    expect(onadded).toHaveBeenCalledWith({ created: false, entry: listed })
  })
})
