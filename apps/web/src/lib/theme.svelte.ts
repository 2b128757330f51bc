// Light or dark: the listener's choice (system, light or dark), kept in localStorage. public/theme-init.js
// applies the same rule before the first paint (a blocking external script: the CSP forbids inline
// ones), so a dark-mode listener never sees a white flash; this store keeps it in step afterwards.

export const THEME_CHOICES = ['system', 'light', 'dark'] as const
export type ThemeChoice = (typeof THEME_CHOICES)[number]
/** Keep in step with public/theme-init.js. */
export const THEME_STORAGE_KEY = 'ndith-theme'
const DARK_QUERY = '(prefers-color-scheme: dark)'

export function parseThemeChoice(stored: string | null | undefined): ThemeChoice {
  return THEME_CHOICES.includes(stored as ThemeChoice) ? (stored as ThemeChoice) : 'system'
}

export function isDark(choice: ThemeChoice, systemPrefersDark: boolean): boolean {
  return choice === 'dark' || (choice === 'system' && systemPrefersDark)
}

function readStored(): string | null {
  try {
    return localStorage.getItem(THEME_STORAGE_KEY)
  } catch {
    return null // storage blocked (privacy settings): follow the system
  }
}

export class ThemeStore {
  choice = $state<ThemeChoice>(parseThemeChoice(readStored()))
  #media = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null

  constructor() {
    this.#apply()
    // The system setting can change while the app is open (sunset, a quick toggle).
    this.#media?.addEventListener('change', () => this.#apply())
  }

  get dark(): boolean {
    return isDark(this.choice, this.#media?.matches ?? false)
  }

  choose(choice: ThemeChoice): void {
    this.choice = choice
    try {
      if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY)
      else localStorage.setItem(THEME_STORAGE_KEY, choice)
    } catch {
      // Not persisted; it still applies to this page.
    }
    this.#apply()
  }

  #apply(): void {
    if (typeof document !== 'undefined') document.documentElement.classList.toggle('dark', this.dark)
  }
}

export const theme = new ThemeStore()
