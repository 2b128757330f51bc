import { screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../lib/api/errors.ts'
import { fakeApis, renderWithApis } from '../../test/fake-apis.ts'
import DeleteAccountPanel from './DeleteAccountPanel.svelte'

async function open(deleteAccount: (password: string) => Promise<void>) {
  const ondeleted = vi.fn()
  renderWithApis(DeleteAccountPanel, { ondeleted }, fakeApis({ account: { deleteAccount: vi.fn(deleteAccount) } }))
  const user = userEvent.setup({ delay: null })
  await user.click(screen.getByRole('button', { name: 'Delete account…' }))
  return { user, ondeleted, password: screen.getByLabelText('Your password', { selector: 'input' }) }
}

describe('DeleteAccountPanel', () => {
  it('opening "Delete account…" puts the cursor in its password field; Cancel returns to the button', async () => {
    const { user, password } = await open(async () => undefined)
    expect(password).toHaveFocus()

    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.getByRole('button', { name: 'Delete account…' })).toHaveFocus()
  })

  it('asks for the password before calling the API', async () => {
    const deleteAccount = vi.fn(async () => undefined)
    const { user, password } = await open(deleteAccount)

    await user.click(screen.getByRole('button', { name: 'Delete my account' }))

    expect(deleteAccount).not.toHaveBeenCalled()
    expect(password).toHaveAccessibleDescription('Enter your password to confirm')
  })

  it('shows a wrong password under the field and keeps the account', async () => {
    const { user, password, ondeleted } = await open(async () => {
      throw new ApiError(400, 'VALIDATION_FAILED', 'Some fields are not valid', [{ field: 'password', code: 'incorrect', message: 'The password is not correct' }])
    })

    await user.type(password, 'wrong')
    await user.click(screen.getByRole('button', { name: 'Delete my account' }))

    expect(password).toHaveAccessibleDescription('The password is not correct')
    expect(password).toHaveFocus()
    expect(ondeleted).not.toHaveBeenCalled()
  })

  it('deletes with the password typed and hands over to the app to sign out', async () => {
    const deleteAccount = vi.fn(async () => undefined)
    const { user, password, ondeleted } = await open(deleteAccount)

    await user.type(password, 'Quiet-Library-2048')
    await user.click(screen.getByRole('button', { name: 'Delete my account' }))

    expect(deleteAccount).toHaveBeenCalledWith('Quiet-Library-2048')
    expect(ondeleted).toHaveBeenCalled()
  })
})
