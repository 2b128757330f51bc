/**
 * A note in this browser that it holds a refresh session (set at sign-in, removed at sign-out or
 * when the server says the session ended). The refresh cookie itself is httpOnly, so without this
 * a signed-out page load could only find out by asking — and logging a 401 in the console.
 * It is only a hint: the server still decides; a stale one costs one refused refresh, once.
 */
export interface SessionHint {
  present(): boolean
  set(): void
  clear(): void
}

const KEY = 'ndith-has-session'

export function localSessionHint(storage: () => Storage | undefined = () => globalThis.localStorage): SessionHint {
  // Storage can be missing or refuse writes (private modes, quotas): then assume a session may exist.
  const attempt = <T>(use: (store: Storage) => T, fallback: T): T => {
    try {
      const store = storage()
      return store ? use(store) : fallback
    } catch {
      return fallback
    }
  }
  return {
    present: () => attempt((store) => store.getItem(KEY) !== null, true),
    set: () => attempt((store) => store.setItem(KEY, '1'), undefined),
    clear: () => attempt((store) => store.removeItem(KEY), undefined),
  }
}

/** For tests: a hint held in memory. */
export function memorySessionHint(initially: boolean): SessionHint {
  let present = initially
  return { present: () => present, set: () => void (present = true), clear: () => void (present = false) }
}
