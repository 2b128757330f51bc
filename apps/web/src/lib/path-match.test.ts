import { describe, expect, it } from 'vitest'
import { matchPath } from './path-match.ts'

describe('matchPath', () => {
  it('matches a fixed path exactly', () => {
    expect(matchPath('/my-list', '/my-list')).toEqual({})
    expect(matchPath('/my-list', '/my-list/effective')).toBeNull()
  })

  it('captures a parameter segment, decoded', () => {
    expect(matchPath('/community/:id', '/community/8d1f%2Dx')).toEqual({ id: '8d1f-x' })
  })

  it('needs the parameter to be present', () => {
    expect(matchPath('/community/:id', '/community/')).toBeNull()
    expect(matchPath('/community/:id', '/community')).toBeNull()
  })

  it('refuses a malformed escape instead of throwing', () => {
    expect(matchPath('/community/:id', '/community/%E0%A4%A')).toBeNull()
  })
})
