/**
 * Short-lived messages at the bottom of the screen ("Removed Drake · Undo"). Announced through the
 * app shell's polite live region. A toast with an action can take focus, so keyboard and screen
 * reader users reach its Undo button at once.
 */
export type ToastTone = 'success' | 'info' | 'error'

export interface ToastAction {
  label: string
  run: () => unknown
}

export interface Toast {
  id: number
  tone: ToastTone
  text: string
  action: ToastAction | null
  /** How long the toast stays, paused while hovered or focused. */
  durationMs: number
  /** Move keyboard focus to the action button when the toast appears. */
  focusAction: boolean
}

export interface ToastOptions {
  tone?: ToastTone
  action?: ToastAction
  durationMs?: number
  focusAction?: boolean
}

/** Long enough to read a sentence and reach Undo; errors stay longer. */
const DEFAULT_DURATION = { success: 6_000, info: 6_000, error: 10_000 } as const
const WITH_ACTION_DURATION = 10_000
const MAX_VISIBLE = 3

export class ToastStore {
  items = $state<Toast[]>([])
  #nextId = 1

  show(text: string, options: ToastOptions = {}): number {
    const tone = options.tone ?? 'success'
    const toast: Toast = {
      id: this.#nextId++,
      tone,
      text,
      action: options.action ?? null,
      durationMs: options.durationMs ?? (options.action ? WITH_ACTION_DURATION : DEFAULT_DURATION[tone]),
      focusAction: Boolean(options.action && options.focusAction),
    }
    // The oldest toasts give way, so the stack never covers the page.
    this.items = [...this.items, toast].slice(-MAX_VISIBLE)
    return toast.id
  }

  dismiss(id: number): void {
    this.items = this.items.filter((toast) => toast.id !== id)
  }

  clear(): void {
    this.items = []
  }
}

export const toasts = new ToastStore()
