import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
  // A route that fails the way a bug would, to see what a client gets from a 500.
  t.app.get('/test/crash', async () => {
    throw new Error('secret connection string postgres://admin:hunter2@db')
  })
})
afterAll(() => t.close())

describe('HTTP conventions', () => {
  it('every response carries an x-request-id, and a sane incoming one is kept', async () => {
    const minted = await t.app.inject('/health')
    expect(minted.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    const kept = await t.app.inject({ url: '/health', headers: { 'x-request-id': 'trace-abc.123' } })
    expect(kept.headers['x-request-id']).toBe('trace-abc.123')
    const replaced = await t.app.inject({ url: '/health', headers: { 'x-request-id': 'bad id with spaces' } })
    expect(replaced.headers['x-request-id']).not.toBe('bad id with spaces')
  })

  it('an unknown route answers 404 in the error shape', async () => {
    const response = await t.app.inject('/api/v1/nope')
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route for GET /api/v1/nope' },
      requestId: response.headers['x-request-id'],
    })
  })

  it('a 500 hides the cause: no message, stack or secret leaves the server', async () => {
    const response = await t.app.inject('/test/crash')
    expect(response.statusCode).toBe(500)
    expect(response.json()).toEqual({ error: { code: 'INTERNAL', message: 'Something went wrong on our side' }, requestId: expect.any(String) })
    expect(response.body).not.toContain('hunter2')
  })

  it('a value the database refuses (a NUL character) answers 400, not 500', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a\u0000b@example.com', password: 'x' } })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('BAD_REQUEST')
  })

  it('a wrong content type answers 415 in the error shape', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<a/>' })
    expect(response.statusCode).toBe(415)
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('an oversized body answers 413 in the error shape', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a@b.co', password: 'x'.repeat(2_000_000) } })
    expect(response.statusCode).toBe(413)
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('CORS allows the configured origin with credentials and refuses others', async () => {
    const preflight = (origin: string) =>
      t.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/auth/login',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      })
    const allowed = await preflight('http://localhost:5000')
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5000')
    expect(allowed.headers['access-control-allow-credentials']).toBe('true')
    const refused = await preflight('http://evil.example')
    expect(refused.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('serves an OpenAPI document generated from the contract, and the docs UI at /docs', async () => {
    const spec = (await t.app.inject('/docs/json')).json()
    expect(spec.openapi).toMatch(/^3\./)
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/health', '/ready', '/api/v1/auth/register', '/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout', '/api/v1/auth/me']),
    )
    expect(spec.paths['/api/v1/auth/register'].post.requestBody.content['application/json'].schema.properties.email.format).toBe('email')
    const ui = await t.app.inject('/docs/')
    expect(ui.statusCode).toBe(200)
    expect(ui.headers['content-type']).toContain('text/html')
  })
})
