import { describe, expect, it } from 'vitest'
import { clampOffset, pageSummary } from './paging.ts'

const ARTISTS = ['artist', 'artists'] as const

describe('pageSummary', () => {
  it.each([
    [{ total: 0, limit: 25, offset: 0 }, 'No artists'],
    [{ total: 1, limit: 25, offset: 0 }, '1 artist'],
    [{ total: 12, limit: 25, offset: 0 }, '12 artists'],
    [{ total: 103, limit: 25, offset: 0 }, '1–25 of 103 artists'],
    [{ total: 103, limit: 25, offset: 100 }, '101–103 of 103 artists'],
  ])('%o reads "%s"', (window, text) => {
    expect(pageSummary(window, ARTISTS)).toBe(text)
  })
})

describe('clampOffset', () => {
  it('steps back a page when the last page became empty', () => {
    expect(clampOffset({ total: 50, limit: 25, offset: 50 })).toBe(25)
  })

  it('keeps a page that still has rows', () => {
    expect(clampOffset({ total: 51, limit: 25, offset: 50 })).toBe(50)
  })

  it('goes to the start when nothing is left', () => {
    expect(clampOffset({ total: 0, limit: 25, offset: 25 })).toBe(0)
  })
})
