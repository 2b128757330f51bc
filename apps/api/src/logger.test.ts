import { describe, expect, it } from 'vitest'
import { censorSecrets } from './logger.ts'

describe('censorSecrets (the log formatter)', () => {
  it('censors a secret under its name at any depth, in a copy, and leaves the logged object alone', () => {
    const logged = { user: { email: 'a@example.test', password: 'hunter2' }, grants: [{ accessToken: 'a', refreshToken: 'r' }], n: 1 }
    expect(censorSecrets(logged)).toEqual({
      user: { email: 'a@example.test', password: '[redacted]' },
      grants: [{ accessToken: '[redacted]', refreshToken: '[redacted]' }],
      n: 1,
    })
    expect(logged.user.password).toBe('hunter2')
  })

  it('returns the same object when it holds no secret, and leaves errors to their serializer', () => {
    const record = { reqId: 'r-1', nested: { list: [1, 'two'] } }
    expect(censorSecrets(record)).toBe(record)
    const err = new Error('boom')
    expect((censorSecrets({ err }) as { err: unknown }).err).toBe(err)
  })
})
