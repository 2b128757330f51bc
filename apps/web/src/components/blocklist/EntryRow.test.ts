import type { BlocklistEntry } from '@ndith/contracts'
import { screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { artist, fakeApis, renderWithApis } from '../../test/fake-apis.ts'
import EntryRow from './EntryRow.svelte'

const entry: BlocklistEntry = {
  id: '9a1b2c3d-0000-4000-8000-000000000001',
  artist: artist('Drake'),
  tags: ['rap'],
  note: 'Too much',
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
}

function setup(update = vi.fn(async (_id: string, body: { tags?: string[]; note?: string | null }) => ({ ...entry, tags: body.tags ?? [], note: body.note ?? null }))) {
  const onsaved = vi.fn()
  const onremove = vi.fn(async () => undefined)
  const ontag = vi.fn()
  renderWithApis(EntryRow, { entry, suggestions: ['rap', 'live'], onsaved, onremove, ontag }, fakeApis({ blocklist: { update } }))
  return { user: userEvent.setup({ delay: null }), update, onsaved, onremove, ontag }
}

describe('EntryRow', () => {
  it('edits tags and clears the note in place', async () => {
    const { user, update, onsaved } = setup()

    await user.click(screen.getByRole('button', { name: 'Edit Drake' }))
    const tags = screen.getByLabelText('Tags')
    expect(tags).toHaveFocus()
    await user.type(tags, 'beef,')
    await user.clear(screen.getByLabelText('Note'))
    await user.click(screen.getByRole('button', { name: 'Save' }))

    expect(update).toHaveBeenCalledWith(entry.id, { tags: ['rap', 'beef'], note: null })
    expect(onsaved).toHaveBeenCalledWith(expect.objectContaining({ tags: ['rap', 'beef'], note: null }))
    expect(screen.getByRole('button', { name: 'Edit Drake' })).toHaveFocus()
  })

  it('cancels with Escape and changes nothing', async () => {
    const { user, update } = setup()

    await user.click(screen.getByRole('button', { name: 'Edit Drake' }))
    await user.keyboard('{Escape}')

    expect(update).not.toHaveBeenCalled()
    expect(screen.getByText('Too much')).toBeInTheDocument()
  })

  it('filters by a tag when its chip is pressed, and asks the page to remove the entry', async () => {
    const { user, ontag, onremove } = setup()

    await user.click(screen.getByRole('button', { name: 'Show only entries tagged rap' }))
    await user.click(screen.getByRole('button', { name: 'Remove Drake' }))

    expect(ontag).toHaveBeenCalledWith('rap')
    expect(onremove).toHaveBeenCalledWith(entry)
  })
})
