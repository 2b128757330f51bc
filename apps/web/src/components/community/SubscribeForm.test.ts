import type { CommunityList } from '@ndith/contracts'
import { screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { artist, fakeApis, renderWithApis } from '../../test/fake-apis.ts'
import SubscribeForm from './SubscribeForm.svelte'

const list: CommunityList & { currentVersion: number } = {
  id: '3c2b1a00-0000-4000-8000-000000000001',
  name: 'Abuse allegations',
  description: '',
  criteria: 'Credible, documented allegations',
  updateCadence: 'monthly',
  visibility: 'public',
  owner: { id: '3c2b1a00-0000-4000-8000-000000000002', displayName: 'Listener 3c2b1a' },
  currentVersion: 3,
  itemCount: 2,
  subscriberCount: 0,
  isOwner: false,
  mySubscription: null,
  draft: null,
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
}

const preview = {
  items: [{ artist: artist('R. Kelly'), rationale: 'Convicted in 2021', evidenceUrl: null, addedAt: '2026-11-01T10:00:00.000Z' }],
  total: 1,
  limit: 10,
  offset: 0,
  listId: list.id,
  version: 3,
  itemCount: 2,
  addedCount: 1,
  alreadyCoveredCount: 1,
}

function setup() {
  const subscribe = vi.fn(async () => ({}) as never)
  const onsubscribed = vi.fn()
  renderWithApis(SubscribeForm, { list, onsubscribed }, fakeApis({ community: { subscribe, preview: vi.fn(async () => preview) } }))
  return { user: userEvent.setup({ delay: null }), subscribe, onsubscribed }
}

describe('SubscribeForm', () => {
  it('previews what subscribing adds before the user decides', async () => {
    setup()

    expect(await screen.findByText(/already block 1 more of its 2/)).toHaveTextContent('Subscribing adds 1 artist to your effective list')
    // Only the new artists are named; their entries (and reasons) are the list's own section, shown once.
    expect(screen.getByText('R. Kelly')).toBeInTheDocument()
    expect(screen.queryByText('Convicted in 2021')).not.toBeInTheDocument()
  })

  it('names no artists when every one is new: the list below shows them, once', async () => {
    renderWithApis(SubscribeForm, { list, onsubscribed: vi.fn() }, fakeApis({ community: { subscribe: vi.fn(), preview: vi.fn(async () => ({ ...preview, itemCount: 1, alreadyCoveredCount: 0 })) } }))

    expect(await screen.findByText(/all new to you/)).toHaveTextContent('Subscribing adds 1 artist to your effective list')
    expect(screen.queryByText('R. Kelly')).not.toBeInTheDocument()
  })

  it('subscribes with auto-update by default', async () => {
    const { user, subscribe, onsubscribed } = setup()

    await user.click(screen.getByRole('button', { name: 'Subscribe' }))

    expect(subscribe).toHaveBeenCalledWith(list.id, { mode: 'auto' })
    expect(onsubscribed).toHaveBeenCalled()
  })

  it('pins to the version the user picks', async () => {
    const { user, subscribe } = setup()

    await user.click(screen.getByRole('radio', { name: /Pin to a version/ }))
    expect(screen.getByLabelText('Version to pin')).toHaveValue('3')
    await user.selectOptions(screen.getByLabelText('Version to pin'), 'Version 2')
    await user.click(screen.getByRole('button', { name: 'Subscribe' }))

    expect(subscribe).toHaveBeenCalledWith(list.id, { mode: 'pinned', version: 2 })
  })
})
