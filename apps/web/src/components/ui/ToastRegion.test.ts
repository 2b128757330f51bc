import { render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { toasts } from '../../lib/toasts.svelte.ts'
import ToastRegion from './ToastRegion.svelte'

afterEach(() => toasts.clear())

describe('ToastRegion', () => {
  it('announces toasts in a polite live region that is there before any toast', () => {
    render(ToastRegion)

    expect(screen.getByRole('region', { name: 'Notifications' }).querySelector('[aria-live="polite"]')).not.toBeNull()
  })

  it('focuses the Undo button of a toast that asks for it, and runs the action once', async () => {
    render(ToastRegion)
    const undo = vi.fn()

    toasts.show('Removed Drake from your list.', { action: { label: 'Undo', run: undo }, focusAction: true })

    const button = await screen.findByRole('button', { name: 'Undo' })
    expect(button).toHaveFocus()
    await userEvent.click(button)
    expect(undo).toHaveBeenCalledTimes(1)
    expect(screen.queryByText('Removed Drake from your list.')).not.toBeInTheDocument()
  })

  it('goes away by itself, but not while the user is on it', async () => {
    vi.useFakeTimers()
    try {
      render(ToastRegion)
      toasts.show('Saved Drake.')
      await vi.advanceTimersByTimeAsync(10)
      const toast = screen.getByTestId('toast')

      toast.dispatchEvent(new MouseEvent('mouseenter'))
      await vi.advanceTimersByTimeAsync(20_000)
      expect(screen.getByText('Saved Drake.')).toBeInTheDocument()

      toast.dispatchEvent(new MouseEvent('mouseleave'))
      await vi.advanceTimersByTimeAsync(6_000)
      expect(screen.queryByText('Saved Drake.')).not.toBeInTheDocument()
    } finally {
      vi.useRealTimers()
    }
  })
})
