import { describe, expect, it } from 'vitest'
import { filenameFromDisposition } from './download.ts'

describe('filenameFromDisposition', () => {
  it.each([
    ['attachment; filename="do-not-play-2026-11-25.csv"', 'do-not-play-2026-11-25.csv'],
    ['attachment; filename=plain.json', 'plain.json'],
    [`attachment; filename="fallback.json"; filename*=UTF-8''liste%20%C3%A9t%C3%A9.json`, 'liste été.json'],
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['attachment', null],
    [null, null],
  ])('%s → %s', (header, name) => {
    expect(filenameFromDisposition(header)).toBe(name)
  })
})
