import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportPreview } from '@ndith/contracts'
import { buildApp } from '../../app.ts'
import { connectPostgres } from '../../db/database.ts'
import { memoryStore } from '../../store/store.ts'
import { signInWithList } from '../../../test/support/blocklist.ts'
import { useCatalogApp } from '../../../test/support/catalog.ts'
import { migratedDatabase, type TestDatabase } from '../../../test/support/database.ts'
import { testConfig } from '../../../test/support/test-app.ts'

// One user's imports may not take the database from everyone else: a few at a time per user,
// matched set-based, and a statement that runs too long answers 503 rather than hanging.
const t = useCatalogApp()
const listener = () => signInWithList(t.app)

const names = ['Drake', 'Chris Brown', 'R. Kelly', 'Marylin Mansen', 'Someone Unknown']
const file = (rows: number) => ['name,tags', ...Array.from({ length: rows }, (_, i) => `${names[i % names.length]} ${i < names.length ? '' : i},bulk`)].join('\n')

describe('import load', () => {
  it('limits one user to two imports at a time (429 with Retry-After); another user searches meanwhile', async () => {
    const me = await listener()
    const other = await listener()
    const content = file(2000)
    const [imports, search] = await Promise.all([
      Promise.all(Array.from({ length: 12 }, () => me.preview('csv', content))),
      other.call('GET', '/artists/search?q=drake'),
    ])
    expect(search.statusCode).toBe(200)
    expect(search.json().items[0].name).toBe('Drake')
    const codes = imports.map((r) => r.statusCode)
    expect(codes.filter((c) => c === 201).length).toBeGreaterThanOrEqual(2)
    expect(codes.filter((c) => c === 429).length).toBeGreaterThan(0)
    expect(codes.every((c) => c === 201 || c === 429)).toBe(true)
    const refused = imports.find((r) => r.statusCode === 429)!
    expect(refused.headers['retry-after']).toMatch(/^\d+$/)
    expect(refused.json().error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('2 imports running') })

    // The slots are given back: once those finished, the same user imports again.
    expect((await me.preview('csv', 'Drake')).statusCode).toBe(201)
  })

  it('previews and imports a 10,000-row file', async () => {
    const me = await listener()
    const response = await me.preview('csv', file(10_000))
    expect(response.statusCode).toBe(201)
    const preview: ImportPreview = response.json()
    expect(preview.rows).toHaveLength(10_000)
    expect(preview.summary).toMatchObject({ will_add: 3 })
    const willAdd = preview.rows.filter((r) => r.status === 'will_add')
    const confirmed = await me.confirm(preview.id, willAdd.map((r) => ({ index: r.index, artistId: r.artist!.id })))
    expect(confirmed.json()).toEqual({ added: 3, alreadyListed: 0 })
  })
})

describe('statement timeout', () => {
  let database: TestDatabase
  let app: Awaited<ReturnType<typeof buildApp>>
  let slow: ReturnType<typeof connectPostgres>
  beforeAll(async () => {
    database = await migratedDatabase()
    // The API's own pool, with a statement timeout short enough to meet while a lock is held.
    slow = connectPostgres(database.url ?? '', { statementTimeoutMillis: 300 })
    app = await buildApp({ db: slow.db, store: memoryStore(), config: testConfig })
  })
  afterAll(async () => {
    await app?.close()
    await slow?.db.destroy()
    await database?.drop()
  })

  it.skipIf(!process.env.DATABASE_URL)('answers 503 with Retry-After when a statement runs past it', async () => {
    const me = await signInWithList(app)
    // Another session holds the imports table; the preview's insert waits until Postgres cancels it.
    await database.db.transaction().execute(async (trx) => {
      await sql`lock table blocklist_imports in access exclusive mode`.execute(trx)
      const response = await me.preview('csv', 'Drake')
      expect(response.statusCode).toBe(503)
      expect(response.headers['retry-after']).toMatch(/^\d+$/)
      expect(response.json().error.code).toBe('SERVICE_UNAVAILABLE')
    })
    expect((await me.preview('csv', 'Drake')).statusCode).toBe(201)
  })
})
