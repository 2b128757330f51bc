import { describe, expect, it } from 'vitest'
import { itemTextProblems } from './item-text.ts'

describe('itemTextProblems', () => {
  it('needs a rationale', () => {
    expect(itemTextProblems({ rationale: '   ', evidenceUrl: '' }).rationale?.[0]?.code).toBe('required')
  })

  it('takes an https evidence link and no link at all', () => {
    expect(itemTextProblems({ rationale: 'Convicted in 2021', evidenceUrl: 'https://example.org/report' })).toEqual({})
    expect(itemTextProblems({ rationale: 'Convicted in 2021', evidenceUrl: '' })).toEqual({})
  })

  it('refuses a link that is not a web page', () => {
    expect(itemTextProblems({ rationale: 'x', evidenceUrl: 'javascript:alert(1)' }).evidenceUrl?.[0]?.message).toBe('Only http(s) links can be evidence')
    expect(itemTextProblems({ rationale: 'x', evidenceUrl: 'example.org' }).evidenceUrl?.[0]?.message).toMatch(/full link/)
  })
})
