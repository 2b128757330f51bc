import { describe, expect, it } from 'vitest'
import { generatedAvatar } from './artist-avatar.ts'

describe('generated avatars', () => {
  it('are the same for the same artist, render after render', () => {
    expect(generatedAvatar('6a1f0c2e-0000-4000-8000-000000000001')).toEqual(generatedAvatar('6a1f0c2e-0000-4000-8000-000000000001'))
  })

  it('tell artists with the same words in their names apart by colour and pattern (James Taylor, Taylor Swift)', () => {
    const james = generatedAvatar('James Taylor')
    const taylor = generatedAvatar('Taylor Swift')
    expect(james.from).not.toBe(taylor.from)
    expect(james.cells).not.toEqual(taylor.cells)
  })

  it('spread over the colour wheel: 200 artists get at least 150 different hues', () => {
    const hues = new Set(Array.from({ length: 200 }, (_, n) => generatedAvatar(`artist-${n}`).from))
    expect(hues.size).toBeGreaterThanOrEqual(150)
  })

  it('draw a left-right symmetric pattern inside the 5×5 grid', () => {
    const { cells } = generatedAvatar('Drake')
    const key = (c: { x: number; y: number }) => `${c.x},${c.y}`
    const set = new Set(cells.map(key))
    for (const cell of cells) {
      expect(cell.x).toBeGreaterThanOrEqual(0)
      expect(cell.x).toBeLessThan(5)
      expect(set.has(key({ x: 4 - cell.x, y: cell.y }))).toBe(true)
    }
  })
})
