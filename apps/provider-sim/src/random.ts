// Seeded randomness: the same seed gives the same libraries and the same injected faults, run after run.

export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  /** A Spotify-style id: 22 base62 characters. */
  base62Id(): string
  /** k distinct elements, in random order. */
  sample<T>(items: readonly T[], k: number): T[]
}

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** mulberry32: tiny, fast and good enough for fixtures (never for secrets). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[int(0, items.length - 1)]!
    },
    base62Id: () => Array.from({ length: 22 }, () => base62[int(0, 61)]).join(''),
    sample: (items, k) => {
      const copy = [...items]
      const n = Math.min(k, copy.length)
      for (let i = 0; i < n; i++) {
        const j = int(i, copy.length - 1)
        ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
      }
      return copy.slice(0, n)
    },
  }
}

/** A seed derived from a label, so each part of the fixture has its own stream and adding one part moves no other. */
export function deriveSeed(seed: number, label: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0
  return h
}
