// A generated picture for an artist without one: a two-hue gradient and a mirrored 5×5 pattern
// (identicon-like), both drawn from a hash of the artist's id, so "James Taylor" and "Taylor Swift"
// differ in colour and shape, not only in their initials. Pure, so it is the same on every render.

export interface GeneratedAvatar {
  /** Gradient stops, as OKLCH colours of equal lightness: white initials read the same on every hue. */
  from: string
  to: string
  /** Filled cells of a 5×5 grid, left half mirrored onto the right. */
  cells: { x: number; y: number }[]
}

/** FNV-1a, 32 bit: stable across sessions and browsers. */
export function hash32(text: string): number {
  let h = 0x811c9dc5
  for (const char of text) h = Math.imul(h ^ char.codePointAt(0)!, 0x01000193) >>> 0
  return h
}

/** seed: the artist's id (stable when the name is edited); the name is a fallback. */
export function generatedAvatar(seed: string): GeneratedAvatar {
  const h = hash32(seed)
  const hue = h % 360
  // A second hash for the pattern so hue and shape vary independently.
  const bits = hash32(`${seed}#pattern`)
  const cells: { x: number; y: number }[] = []
  for (let y = 0; y < 5; y++) {
    for (let x = 0; x < 3; x++) {
      if ((bits >>> (y * 3 + x)) & 1) {
        cells.push({ x, y })
        if (x < 2) cells.push({ x: 4 - x, y })
      }
    }
  }
  return { from: `oklch(0.5 0.15 ${hue})`, to: `oklch(0.4 0.15 ${(hue + 50) % 360})`, cells }
}
