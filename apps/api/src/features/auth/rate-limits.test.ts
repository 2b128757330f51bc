import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, generousLimit, testConfig, type TestApp } from '../../../test/support/test-app.ts'
import { goodPassword, register, uniqueEmail } from '../../../test/support/auth.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({
    config: {
      rateLimits: {
        ...testConfig.rateLimits,
        registerPerIp: { points: 3, durationSeconds: 600 },
        loginPerIp: generousLimit,
        loginFailuresPerAccount: { points: 3, durationSeconds: 900 },
      },
    },
  })
})
afterAll(() => t.close())

const from = (ip: string) => ({ remoteAddress: ip })

describe('rate limits', () => {
  it('register: the fourth attempt from one IP within the window gets 429 with Retry-After', async () => {
    const attempt = () =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email: uniqueEmail(), password: goodPassword }, ...from('203.0.113.7') })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push(await attempt())

    expect(statuses.map((r) => r.statusCode)).toEqual([201, 201, 201, 429])
    const limited = statuses[3]!
    expect(limited.json().error.code).toBe('RATE_LIMITED')
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(600)
    // Another address is not affected.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email: uniqueEmail(), password: goodPassword }, ...from('203.0.113.8') })).statusCode).toBe(201)
  })

  it('login: after three failures for one account it answers 429, even with the right password', async () => {
    const account = await register(t.app)
    const login = (password: string, ip: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password }, ...from(ip) })

    for (let i = 0; i < 3; i++) expect((await login('Wrong-Password-123', `198.51.100.${i}`)).statusCode).toBe(401)
    const locked = await login(account.password, '198.51.100.99')
    expect(locked.statusCode).toBe(429)
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0)
  })

  it('login: a successful sign-in resets the failure count', async () => {
    const account = await register(t.app)
    const login = (password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password } })
    await login('Wrong-Password-123')
    await login('Wrong-Password-123')
    expect((await login(account.password)).statusCode).toBe(200)
    await login('Wrong-Password-123')
    await login('Wrong-Password-123')
    expect((await login(account.password)).statusCode).toBe(200)
  })
})

describe('login rate limit per IP', () => {
  let limited: TestApp
  beforeAll(async () => {
    limited = await createTestApp({ config: { rateLimits: { ...testConfig.rateLimits, loginPerIp: { points: 2, durationSeconds: 60 } } } })
  })
  afterAll(() => limited.close())

  it('answers 429 once one IP exceeds its attempts', async () => {
    const attempt = () => limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: uniqueEmail(), password: 'x' } })
    const statuses = [(await attempt()).statusCode, (await attempt()).statusCode, (await attempt()).statusCode]
    expect(statuses).toEqual([401, 401, 429])
  })
})

describe('login attempts per account under a parallel guessing attack', () => {
  let guarded: TestApp
  beforeAll(async () => {
    guarded = await createTestApp({ config: { rateLimits: { ...testConfig.rateLimits, loginFailuresPerAccount: { points: 10, durationSeconds: 900 } } } })
  })
  afterAll(() => guarded.close())

  it('login: of 50 parallel wrong-password guesses on one account at most the limit (10) reach the password check', async () => {
    const account = await register(guarded.app)
    const guesses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        guarded.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: `Wrong-Password-${i}` }, ...from(`192.0.2.${i + 1}`) }),
      ),
    )
    const statuses = guesses.map((r) => r.statusCode)
    const checked = statuses.filter((s) => s === 401).length
    expect(checked).toBeLessThanOrEqual(10)
    expect(statuses.filter((s) => s === 429)).toHaveLength(50 - checked)
  })
})
