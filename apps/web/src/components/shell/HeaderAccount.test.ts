import { render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ServerUnreachableError } from '../../lib/api/errors.ts'
import { toasts } from '../../lib/toasts.svelte.ts'
import HeaderAccount from './HeaderAccount.svelte'

describe('HeaderAccount', () => {
  it('the Menu opens with the account, the theme and Sign out; Escape closes it and returns focus', async () => {
    render(HeaderAccount, { email: 'ana@example.com', onsignout: vi.fn(async () => undefined) })
    const user = userEvent.setup({ delay: null })
    const menu = screen.getByRole('button', { name: 'Menu' })
    expect(menu).toHaveAttribute('aria-expanded', 'false')

    await user.click(menu)
    expect(menu).toHaveAttribute('aria-expanded', 'true')
    const panel = document.getElementById(menu.getAttribute('aria-controls')!)!
    expect(panel).toHaveTextContent('ana@example.com')
    expect(panel.querySelectorAll('input[type="radio"]')).toHaveLength(3)
    expect([...panel.querySelectorAll('button')].map((b) => b.textContent?.trim())).toContain('Sign out')

    await user.keyboard('{Escape}')
    expect(menu).toHaveAttribute('aria-expanded', 'false')
    expect(menu).toHaveFocus()
  })

  it('Sign out in the menu signs out; a failure is said in a toast, not swallowed', async () => {
    const onsignout = vi.fn(async () => {
      throw new ServerUnreachableError()
    })
    render(HeaderAccount, { email: 'ana@example.com', onsignout })
    const user = userEvent.setup({ delay: null })
    await user.click(screen.getByRole('button', { name: 'Menu' }))
    const panel = document.getElementById(screen.getByRole('button', { name: 'Menu' }).getAttribute('aria-controls')!)!
    await user.click([...panel.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Sign out')!)
    expect(onsignout).toHaveBeenCalledOnce()
    expect(toasts.items.at(-1)?.text).toMatch(/Couldn't sign out: can't reach the server/)
  })
})
