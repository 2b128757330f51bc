import { describe, expect, it } from 'vitest'
import { ToastStore } from './toasts.svelte.ts'

describe('ToastStore', () => {
  it('gives a toast with Undo more time than a plain confirmation', () => {
    const store = new ToastStore()

    store.show('Added Drake')
    store.show('Removed Drake', { action: { label: 'Undo', run: () => undefined } })

    expect(store.items.map((t) => t.durationMs)).toEqual([6_000, 10_000])
  })

  it('keeps at most three toasts, dropping the oldest', () => {
    const store = new ToastStore()
    for (const text of ['one', 'two', 'three', 'four']) store.show(text)

    expect(store.items.map((t) => t.text)).toEqual(['two', 'three', 'four'])
  })

  it('moves focus only to toasts that have an action', () => {
    const store = new ToastStore()
    store.show('Saved', { focusAction: true })

    expect(store.items[0]!.focusAction).toBe(false)
  })

  it('dismisses by id', () => {
    const store = new ToastStore()
    const id = store.show('Saved')
    store.show('Also saved')

    store.dismiss(id)

    expect(store.items.map((t) => t.text)).toEqual(['Also saved'])
  })
})
