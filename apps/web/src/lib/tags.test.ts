import { MAX_TAGS, MAX_TAG_LENGTH } from '@ndith/contracts'
import { describe, expect, it } from 'vitest'
import { addTags, cleanTag, removeTag } from './tags.ts'

describe('addTags', () => {
  it('splits what was typed on commas, semicolons and line breaks, trimming each tag', () => {
    expect(addTags([], ' violence ,  abuse;\nlive   shows ').tags).toEqual(['violence', 'abuse', 'live shows'])
  })

  it('skips a duplicate that differs only in case, and says so', () => {
    const result = addTags(['Violence'], 'violence')

    expect(result.tags).toEqual(['Violence'])
    expect(result.problems).toEqual(['"violence" is already a tag'])
  })

  it(`refuses a tag longer than ${MAX_TAG_LENGTH} characters`, () => {
    const result = addTags([], 'x'.repeat(MAX_TAG_LENGTH + 1))

    expect(result.tags).toEqual([])
    expect(result.problems[0]).toMatch(/at most 32 characters/)
  })

  it(`stops at ${MAX_TAGS} tags`, () => {
    const nine = Array.from({ length: MAX_TAGS - 1 }, (_, i) => `t${i}`)

    const result = addTags(nine, 'ten, eleven, twelve')

    expect(result.tags).toHaveLength(MAX_TAGS)
    expect(result.tags.at(-1)).toBe('ten')
    expect(result.problems).toEqual([`An entry can have at most ${MAX_TAGS} tags`])
  })

  it('ignores empty pieces such as a trailing comma', () => {
    expect(addTags([], 'a,,b,')).toEqual({ tags: ['a', 'b'], problems: [] })
  })
})

describe('cleanTag and removeTag', () => {
  it('collapses inner whitespace', () => {
    expect(cleanTag('  live \t shows ')).toBe('live shows')
  })

  it('removes exactly the tag given', () => {
    expect(removeTag(['a', 'b', 'c'], 'b')).toEqual(['a', 'c'])
  })
})
