import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../src/db/migrate.ts'
import { freePort, startApi } from './support/api-process.ts'
import { goodPassword, uniqueEmail } from './support/auth.ts'
import { createTestDatabase, type TestDatabase } from './support/database.ts'

// Issue 9: a pooled client checked out between queries had no 'error' listener, so Postgres
// dropping it (a restart, pg_terminate_backend) could end the API with "Unhandled 'error' event".
describe.runIf(process.env.DATABASE_URL)('the API process when Postgres drops its connections', () => {
  const WRITERS = 8
  const ROUNDS = 12
  let database: TestDatabase
  let artistIds: string[]
  beforeAll(async () => {
    database = await createTestDatabase()
    await migrateToLatest(database.db)
    const rows = await database.db
      .insertInto('artists')
      .values(Array.from({ length: 1500 }, (_, i) => ({ canonical_name: `Fault Artist ${i}` })))
      .returning('id')
      .execute()
    artistIds = rows.map((r) => r.id)
  })
  afterAll(() => database.drop())

  /** Terminates every session the API holds on its database, the way an admin or a failover would. */
  async function terminateApiSessions(): Promise<number> {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await admin.connect()
    try {
      const name = new URL(database.url!).pathname.slice(1)
      const { rowCount } = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name])
      return rowCount ?? 0
    } finally {
      await admin.end()
    }
  }

  it('survives repeated pg_terminate_backend under 8 writers: every 2xx write is stored, no 500s, serves after', async () => {
    const port = await freePort()
    const api = startApi({ PORT: String(port), DATABASE_URL: database.url!, JWT_SECRET: 'faults-test-secret-0123456789-abcdefghij' })
    const base = `http://127.0.0.1:${port}/api/v1`
    try {
      await api.waitFor(/Server listening/, 30_000)
      const registered = await fetch(`${base}/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: uniqueEmail(), password: goodPassword }),
      })
      const { accessToken } = (await registered.json()) as { accessToken: string }
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` }

      const acknowledged: string[] = []
      const statuses = new Map<number, number>()
      let next = 0
      let stop = false
      const writer = async () => {
        while (!stop && next < artistIds.length) {
          const artistId = artistIds[next++]!
          const response = await fetch(`${base}/me/blocklist`, { method: 'POST', headers, body: JSON.stringify({ artistId }) })
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
          if (response.status === 201) acknowledged.push(artistId)
          if (response.status === 503) expect(response.headers.get('retry-after')).toMatch(/^\d+$/)
          await response.arrayBuffer()
        }
      }
      const writers = Array.from({ length: WRITERS }, writer)
      let terminated = 0
      for (let round = 0; round < ROUNDS; round++) {
        await new Promise((resolve) => setTimeout(resolve, 150))
        terminated += await terminateApiSessions()
      }
      stop = true
      await Promise.all(writers)

      expect(terminated).toBeGreaterThan(0)
      expect(api.child.exitCode).toBeNull()
      expect(api.output()).not.toMatch(/Unhandled 'error' event/)
      expect([...statuses.keys()].every((s) => s === 201 || s === 503), `statuses: ${JSON.stringify([...statuses])}`).toBe(true)
      expect(acknowledged.length).toBeGreaterThan(0)

      const stored = await database.db.selectFrom('user_artist_blocks').select('artist_id').execute()
      const storedIds = new Set(stored.map((r) => r.artist_id))
      expect(acknowledged.filter((id) => !storedIds.has(id))).toEqual([])

      const after = await fetch(`${base}/me/blocklist`, { headers })
      expect(after.status).toBe(200)
      // A pool error is one short line (code and message), never a dump of the client object.
      const poolLines = api.output().split('\n').filter((line) => line.includes('postgres connection lost'))
      for (const line of poolLines) expect(line.length).toBeLessThan(600)
    } finally {
      api.child.kill('SIGTERM')
      await api.exited
    }
  }, 120_000)
})
