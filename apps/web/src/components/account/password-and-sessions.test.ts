import { screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { ActiveSession } from '@ndith/contracts'
import { ApiError } from '../../lib/api/errors.ts'
import { fakeApis, renderWithApis } from '../../test/fake-apis.ts'
import ChangePasswordPanel from './ChangePasswordPanel.svelte'
import SessionsPanel from './SessionsPanel.svelte'

const NEW_PASSWORD = 'Another-Long-Passphrase-77'

async function open(changePassword: () => Promise<{ otherSessionsSignedOut: number }>) {
  const onchanged = vi.fn()
  const change = vi.fn(changePassword)
  renderWithApis(ChangePasswordPanel, { email: 'a@example.com', onchanged }, fakeApis({ sessions: { changePassword: change } }))
  const user = userEvent.setup({ delay: null })
  await user.click(screen.getByRole('button', { name: 'Change password…' }))
  return {
    user, onchanged, change,
    current: screen.getByLabelText('Current password', { selector: 'input' }),
    next: screen.getByLabelText('New password', { selector: 'input' }),
  }
}

describe('ChangePasswordPanel', () => {
  it('changes the password with the current one and says how many other sessions were signed out', async () => {
    const { user, onchanged, change, current, next } = await open(async () => ({ otherSessionsSignedOut: 2 }))

    await user.type(current, 'Old-Long-Passphrase-11')
    await user.type(next, NEW_PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Change password' }))

    expect(change).toHaveBeenCalledWith({ currentPassword: 'Old-Long-Passphrase-11', newPassword: NEW_PASSWORD })
    expect(screen.getByRole('status')).toHaveTextContent('2 other sessions were signed out')
    expect(onchanged).toHaveBeenCalled()
  })

  it('shows a wrong current password under that field', async () => {
    const { user, current, next } = await open(async () => {
      throw new ApiError(400, 'VALIDATION_FAILED', 'Some fields are not valid', [{ field: 'currentPassword', code: 'incorrect', message: 'The current password is not correct' }])
    })

    await user.type(current, 'wrong')
    await user.type(next, NEW_PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Change password' }))

    expect(current).toHaveAccessibleDescription('The current password is not correct')
  })

  it('does not send a new password that fails the policy', async () => {
    const { user, change, current, next } = await open(async () => ({ otherSessionsSignedOut: 0 }))

    await user.type(current, 'Old-Long-Passphrase-11')
    await user.type(next, 'short')
    await user.click(screen.getByRole('button', { name: 'Change password' }))

    expect(change).not.toHaveBeenCalled()
  })
})

const session = (id: string, current: boolean, userAgent: string): ActiveSession => ({
  id, current, userAgent, ip: null, createdAt: '2026-06-01T10:00:00.000Z', lastUsedAt: '2026-06-02T10:00:00.000Z',
})

describe('SessionsPanel', () => {
  it('lists the sessions, marks this device, and signs another one out', async () => {
    const revoke = vi.fn(async () => undefined)
    const list = vi.fn(async () => [
      session('00000000-0000-4000-8000-000000000001', true, 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0'),
      session('00000000-0000-4000-8000-000000000002', false, 'Mozilla/5.0 (Macintosh; Mac OS X 14_0) Firefox/140.0'),
    ])
    renderWithApis(SessionsPanel, { onsignedouteverywhere: vi.fn() }, fakeApis({ sessions: { list, revoke } }))
    const user = userEvent.setup({ delay: null })

    expect(await screen.findByText('This device')).toBeInTheDocument()
    const sessions = screen.getByRole('list', { name: 'Active sessions' })
    expect(sessions).toHaveTextContent('Firefox on macOS')
    await user.click(screen.getByRole('button', { name: 'Sign out Firefox on macOS' }))

    expect(revoke).toHaveBeenCalledWith('00000000-0000-4000-8000-000000000002')
    expect(sessions).not.toHaveTextContent('Firefox on macOS')
    expect(sessions).toHaveTextContent('Chrome on Linux')
  })

  it('signs out everywhere and hands over to the app', async () => {
    const signOutEverywhere = vi.fn(async () => undefined)
    const onsignedouteverywhere = vi.fn()
    renderWithApis(SessionsPanel, { onsignedouteverywhere }, fakeApis({ sessions: { list: vi.fn(async () => []), signOutEverywhere } }))

    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Sign out everywhere' }))

    expect(signOutEverywhere).toHaveBeenCalled()
    expect(onsignedouteverywhere).toHaveBeenCalled()
  })
})
