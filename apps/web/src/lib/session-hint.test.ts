import { afterEach, describe, expect, it } from 'vitest'
import { cookieSessionHint } from './session-hint.ts'

describe('cookieSessionHint', () => {
  afterEach(() => {
    document.cookie = 'ndith_session=; Max-Age=0; Path=/'
  })

  it('is present only while the API has set its readable session cookie, and clears it', () => {
    const hint = cookieSessionHint()
    expect(hint.present()).toBe(false)

    document.cookie = 'ndith_session=1; Path=/'
    expect(hint.present()).toBe(true)

    hint.clear()
    expect(hint.present()).toBe(false)
  })
})
