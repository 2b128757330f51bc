import { Writable } from 'node:stream'
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify'
import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { logEachRequest } from './request-log.ts'

function appLoggingTo(records: Record<string, unknown>[], level = 'info') {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) records.push(JSON.parse(line))
      done()
    },
  })
  const logger: FastifyBaseLogger = pino({ level }, sink)
  const app = Fastify({ loggerInstance: logger, logController: new LogController({ disableRequestLogging: true }) })
  logEachRequest(app)
  app.get('/things/:id', async () => ({ ok: true }))
  app.get('/quiet', { logLevel: 'warn' }, async () => ({ ok: true }))
  app.get('/probe', { config: { probe: true } }, async (request) => {
    request.log.warn('a probe still warns')
    return { ok: true }
  })
  return app
}

describe('request log', () => {
  it('logs one info line per request: method, path, status and time, with the request id', async () => {
    const records: Record<string, unknown>[] = []
    const app = appLoggingTo(records)

    await app.inject({ method: 'GET', url: '/things/7?x=1' })

    const requests = records.filter((record) => record.reqId !== undefined)
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({ level: 30, method: 'GET', url: '/things/7?x=1', statusCode: 200 })
    expect(requests[0]!.msg).toMatch(/^GET \/things\/7\?x=1 200 [\d.]+ ms$/)
    await app.close()
  })

  it('logs the arrival of a request at debug only', async () => {
    const records: Record<string, unknown>[] = []
    const app = appLoggingTo(records, 'debug')

    await app.inject({ method: 'GET', url: '/things/1' })

    expect(records.filter((record) => record.reqId !== undefined).map((record) => [record.level, record.msg])).toEqual([
      [20, 'incoming request'],
      [30, expect.stringMatching(/^GET \/things\/1 200/)],
    ])
    await app.close()
  })

  it("keeps a route's quieter log level, and writes no line for a probe (what it warns of is still logged)", async () => {
    const records: Record<string, unknown>[] = []
    const app = appLoggingTo(records)

    await app.inject({ method: 'GET', url: '/quiet' })
    await app.inject({ method: 'GET', url: '/probe' })

    expect(records.filter((record) => record.reqId !== undefined).map((record) => record.msg)).toEqual(['a probe still warns'])
    await app.close()
  })
})
