import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/support/test-app.ts'
import { register } from '../../test/support/auth.ts'
import { API_CSP, HSTS } from './security-headers.ts'

let t: TestApp
let proxied: TestApp
beforeAll(async () => {
  t = await createTestApp()
  proxied = await createTestApp({ config: { trustProxy: true } })
})
afterAll(() => Promise.all([t.close(), proxied.close()]))

const baseline = {
  'content-security-policy': API_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
}

describe('security headers', () => {
  it('the login response, which carries a token, is never stored and cannot be framed or sniffed', async () => {
    const account = await register(t.app)
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: account.password } })

    expect(response.statusCode).toBe(200)
    expect(response.headers).toMatchObject({ ...baseline, 'cache-control': 'no-store' })
    expect(response.headers['strict-transport-security']).toBeUndefined()
  })

  it('every /api/v1 answer (user data, errors) is no-store; /health gets the headers but may be cached', async () => {
    const account = await register(t.app)
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/me/blocklist', headers: { authorization: `Bearer ${account.session.accessToken}` } })
    const denied = await t.app.inject({ method: 'GET', url: '/api/v1/me/blocklist' })
    const health = await t.app.inject({ method: 'GET', url: '/health' })

    expect(list.statusCode).toBe(200)
    expect(list.headers).toMatchObject({ ...baseline, 'cache-control': 'no-store' })
    expect(denied.statusCode).toBe(401)
    expect(denied.headers).toMatchObject({ ...baseline, 'cache-control': 'no-store' })
    expect(health.headers).toMatchObject(baseline)
    expect(health.headers['cache-control']).toBeUndefined()
  })

  it('sends HSTS only when the request came over HTTPS through a trusted proxy', async () => {
    const viaHttps = await proxied.app.inject({ method: 'GET', url: '/health', headers: { 'x-forwarded-proto': 'https' } })
    const viaHttp = await proxied.app.inject({ method: 'GET', url: '/health', headers: { 'x-forwarded-proto': 'http' } })
    const untrusted = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-forwarded-proto': 'https' } })

    expect(viaHttps.headers['strict-transport-security']).toBe(HSTS)
    expect(viaHttp.headers['strict-transport-security']).toBeUndefined()
    expect(untrusted.headers['strict-transport-security']).toBeUndefined()
  })

  it('the API docs get a CSP Swagger UI works under: its own scripts, inline styles, never framed', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/docs/' })
    const csp = String(page.headers['content-security-policy'])

    expect(page.statusCode).toBe(200)
    expect(csp).toContain("default-src 'self'")
    expect(csp).toMatch(/script-src 'self'\s*;/)
    expect(csp).toContain("style-src 'self' 'unsafe-inline';")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('upgrade-insecure-requests')
    expect(page.headers['x-frame-options']).toBe('DENY')
  })
})
