import { describe, expect, it } from 'vitest'
import { normalizeTag, normalizeTags } from './tags.ts'

describe('tag normalisation (the API stores tags this way; the web app previews them the same)', () => {
  it('trims and collapses inner whitespace', () => {
    expect(normalizeTag('  live \t  2024 ')).toBe('live 2024')
  })

  it('drops empty tags and case-insensitive duplicates, keeping the first spelling', () => {
    expect(normalizeTags(['beef', ' beef ', 'Pop', 'pop', '   ', 'hip  hop'])).toEqual(['beef', 'Pop', 'hip hop'])
    expect(normalizeTags(undefined)).toEqual([])
  })
})
