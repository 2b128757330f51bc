import { screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { ActivityItem, ActivityPage as Page } from '@ndith/contracts'
import { fakeApis, renderWithApis } from '../test/fake-apis.ts'
import ActivityPage from './ActivityPage.svelte'

const item = (id: string, action: string): ActivityItem => ({
  id, action, subjectType: 'user', subjectId: null, before: null, after: null, ip: null, userAgent: null, createdAt: '2026-06-01T10:00:00.000Z',
})

describe('ActivityPage', () => {
  it('shows the changes that matter by default, and sign-ins on their own when asked', async () => {
    const activity = vi.fn(async ({ kind }: { kind?: string }): Promise<Page> => ({
      items: kind === 'sign-ins' ? [item('2', 'auth.login')] : [item('1', 'blocklist.entry_added')],
      nextCursor: null,
    }))
    renderWithApis(ActivityPage, {}, fakeApis({ account: { activity } }))

    expect(await screen.findByText('Added an artist to the list')).toBeInTheDocument()
    expect(activity).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'changes' }))

    await userEvent.setup({ delay: null }).selectOptions(screen.getByLabelText('Show'), 'Sign-ins and sessions')

    expect(await screen.findByText('Signed in')).toBeInTheDocument()
    expect(screen.queryByText('Added an artist to the list')).not.toBeInTheDocument()
    expect(activity).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'sign-ins', cursor: null }))
  })
})
