import { Writable } from 'node:stream'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { loggerOptions } from '../src/logger.ts'
import { createTestDatabase, type TestDatabase } from './support/database.ts'
import { createTestStore, testConfig } from './support/test-app.ts'
import { goodPassword, uniqueEmail } from './support/auth.ts'

let database: TestDatabase
let lines: string[]
let app: Awaited<ReturnType<typeof buildApp>>
beforeAll(async () => {
  database = await createTestDatabase()
  await migrateToLatest(database.db)
  lines = []
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().trim().split('\n'))
      done()
    },
  })
  const logger = pino(loggerOptions('info', 'json'), sink)
  app = await buildApp({ db: database.db, store: createTestStore(), config: testConfig, logger })
  app.get('/test/log-everything', async (request) => {
    // What a careless future change might do: log the whole request, headers and body included.
    request.log.info({ req: { headers: request.headers }, body: { password: 'leaked?' } }, 'debugging')
    throw new Error('boom')
  })
})
afterAll(async () => {
  await app.close()
  await database.drop()
})

describe('structured logs', () => {
  it('carry the request id and keep secrets out, even when a request is logged whole', async () => {
    const token = 'Bearer super-secret-access-token'
    const registered = await app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email: uniqueEmail(), password: goodPassword } })
    const crashed = await app.inject({ url: '/test/log-everything', headers: { authorization: token, cookie: 'ndith_refresh=secret-cookie' } })

    const log = lines.join('\n')
    for (const secret of [goodPassword, 'super-secret-access-token', 'secret-cookie', 'leaked?', registered.json().accessToken]) {
      expect(log).not.toContain(secret)
    }
    const entries = lines.map((l) => JSON.parse(l))
    const errorEntry = entries.find((e) => e.level === 50)
    expect(errorEntry).toMatchObject({ reqId: crashed.headers['x-request-id'], msg: 'unhandled error' })
    expect(errorEntry.err.stack).toContain('boom')
  })
})
