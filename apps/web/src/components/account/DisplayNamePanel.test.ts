import { screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { fakeApis, renderWithApis } from '../../test/fake-apis.ts'
import DisplayNamePanel from './DisplayNamePanel.svelte'

describe('DisplayNamePanel', () => {
  it('sets the name shown on community lists, and an empty field goes back to the generated one', async () => {
    const setDisplayName = vi.fn(async (name: string | null) => ({ displayName: name?.trim() ?? null }))
    renderWithApis(DisplayNamePanel, {}, fakeApis({ account: { profile: vi.fn(async () => ({ displayName: null })), setDisplayName } }))
    const user = userEvent.setup({ delay: null })
    const field = await screen.findByLabelText('Display name', { selector: 'input' })

    await user.type(field, 'DJ Quiet')
    await user.click(screen.getByRole('button', { name: 'Save name' }))
    expect(setDisplayName).toHaveBeenLastCalledWith('DJ Quiet')
    expect(await screen.findByRole('status')).toHaveTextContent('Your lists now show “DJ Quiet”.')

    await user.clear(field)
    await user.click(screen.getByRole('button', { name: 'Save name' }))
    expect(setDisplayName).toHaveBeenLastCalledWith(null)
  })
})
