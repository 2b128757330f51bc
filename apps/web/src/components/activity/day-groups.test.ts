import { describe, expect, it } from 'vitest'
import { groupByDay } from './day-groups.ts'

describe('groupByDay', () => {
  it('labels today and yesterday and keeps newest-first order', () => {
    const now = new Date(2026, 10, 25, 12)
    const at = (day: number, hour: number) => ({ createdAt: new Date(2026, 10, day, hour).toISOString() })

    const groups = groupByDay([at(25, 11), at(25, 9), at(24, 22), at(20, 8)], now, 'en-GB')

    expect(groups.map((g) => [g.label, g.items.length])).toEqual([
      ['Today', 2],
      ['Yesterday', 1],
      [expect.stringMatching(/^Friday,? 20 November 2026$/), 1],
    ])
  })
})
