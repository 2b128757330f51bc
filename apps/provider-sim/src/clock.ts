/** Time is injected so token expiry and the rolling rate window are tested without waiting. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** A clock for tests: starts where you say and moves only when told. */
export function manualClock(start = Date.parse('2026-07-01T12:00:00Z')) {
  let t = start
  return {
    now: () => t,
    advance(ms: number) {
      t += ms
    },
  }
}
