import { afterEach, describe, expect, it } from 'vitest'
import { THEME_STORAGE_KEY, ThemeStore, isDark, parseThemeChoice } from './theme.svelte.ts'

afterEach(() => {
  localStorage.clear()
  document.documentElement.classList.remove('dark')
})

describe('theme', () => {
  it('reads a stored choice, and anything else as "follow the system"', () => {
    expect(parseThemeChoice('dark')).toBe('dark')
    expect(parseThemeChoice('light')).toBe('light')
    expect(parseThemeChoice(null)).toBe('system')
    expect(parseThemeChoice('purple')).toBe('system')
  })

  it('is dark when chosen, or when following a system that prefers dark', () => {
    expect(isDark('dark', false)).toBe(true)
    expect(isDark('light', true)).toBe(false)
    expect(isDark('system', true)).toBe(true)
    expect(isDark('system', false)).toBe(false)
  })

  it('a choice sets the class on <html> and is kept for the next visit; System forgets it', () => {
    const theme = new ThemeStore()
    theme.choose('dark')
    expect(document.documentElement).toHaveClass('dark')
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark')
    expect(new ThemeStore().choice).toBe('dark')

    theme.choose('system')
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull()
    expect(document.documentElement).not.toHaveClass('dark')
  })
})
