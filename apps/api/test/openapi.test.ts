import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConfig, lintFromString } from '@redocly/openapi-core'
import { createTestApp, type TestApp } from './support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ migrate: false })
})
afterAll(() => t.close())

/**
 * The few findings that are true of the API as designed, each with its reason. Anything else the
 * linter reports fails the test: fix it at the source (the contract or the route's schema).
 */
const accepted = [
  // The orchestrator's probes take no input and never answer 4xx; documenting one would be untrue.
  { ruleId: 'operation-4xx-response', pointer: '#/paths/~1health/get/responses' },
  { ruleId: 'operation-4xx-response', pointer: '#/paths/~1ready/get/responses' },
  // The OAuth redirect URI answers the browser with a redirect to the app, never with content.
  { ruleId: 'operation-2xx-response', pointer: '#/paths/~1api~1v1~1connections~1callback/get/responses' },
  // The project has not chosen a licence; that is the owners' decision, not the document's.
  { ruleId: 'info-license', pointer: '#/info' },
]

async function lintDocument() {
  const source = (await t.app.inject('/docs/json')).body
  // Redocly's "recommended" ruleset, as published with the linter.
  const config = await createConfig({ extends: ['recommended'] })
  const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config })
  return problems.map((p) => ({ ruleId: p.ruleId, pointer: p.location[0]?.pointer, severity: p.severity, message: p.message }))
}

describe('the OpenAPI document', () => {
  it('is clean under the recommended rules of a standard linter (Redocly), but for the accepted findings', async () => {
    const problems = await lintDocument()
    const unexpected = problems.filter((p) => !accepted.some((a) => a.ruleId === p.ruleId && a.pointer === p.pointer))
    expect(unexpected).toEqual([])
    // An accepted finding that no longer occurs is taken off the list.
    expect(problems.map(({ ruleId, pointer }) => ({ ruleId, pointer }))).toEqual(expect.arrayContaining(accepted))
    expect(problems).toHaveLength(accepted.length)
  })

  it('names every operation (unique operationIds, for generated clients) and says which are public', async () => {
    const spec = (await t.app.inject('/docs/json')).json()
    const operations = Object.entries(spec.paths as Record<string, Record<string, { operationId?: string; security?: unknown[] }>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, ...op })),
    )
    expect(operations.length).toBeGreaterThanOrEqual(42)
    const ids = operations.map((op) => op.operationId)
    expect(ids.every(Boolean)).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    const publicOps = operations.filter((op) => op.security?.length === 0).map((op) => op.operationId)
    // The OAuth callback is public: the browser comes back from the provider without a bearer token.
    expect(publicOps.sort()).toEqual(['finishConnection', 'getHealth', 'getReadiness', 'login', 'logout', 'register'])
    expect(Object.keys(spec.paths).filter((p) => p.endsWith('/'))).toEqual([])
  })
})
