import { SESSION_HINT_COOKIE } from '@ndith/contracts'

/**
 * Whether this browser holds a refresh session, from a readable cookie the API sets beside the
 * httpOnly refresh cookie (same lifetime, no secret in it) and clears at sign-out. Without it a
 * signed-out page load could only find out by asking — and logging a 401 in the console.
 * It is only a hint: the server still decides; a stale one costs one refused refresh, once.
 */
export interface SessionHint {
  present(): boolean
  /** Forgets the hint here too (the server clears it as well when it ends a session). */
  clear(): void
}

export function cookieSessionHint(doc: () => Document | undefined = () => globalThis.document): SessionHint {
  return {
    present: () => {
      const cookies = doc()?.cookie
      // Without cookies to read (no document), assume a session may exist: the refresh decides.
      return cookies === undefined || cookies.split(/;\s*/).some((pair) => pair.startsWith(`${SESSION_HINT_COOKIE}=`))
    },
    clear: () => {
      const current = doc()
      if (current) current.cookie = `${SESSION_HINT_COOKIE}=; Max-Age=0; Path=/; SameSite=Strict`
    },
  }
}

/** For tests: a hint held in memory, set by a successful sign-in as the API's cookie would be. */
export function memorySessionHint(initially: boolean): SessionHint & { set(): void } {
  let present = initially
  return { present: () => present, set: () => void (present = true), clear: () => void (present = false) }
}
