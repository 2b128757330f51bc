import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import pg from 'pg'
import { Redis } from 'ioredis'

/**
 * devenv's integration tests run against real Postgres and Redis: DATABASE_URL and REDIS_URL when
 * set (as in CI), else the local servers on their standard ports. If neither answers, the tests
 * fail with this message rather than being skipped.
 */
export const adminDatabaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'
const redisBase = process.env.REDIS_URL || 'redis://127.0.0.1:6379'

/** Redis logical database 13: the API's rate-limit keys from these tests stay out of a dev stack's. */
export const testRedisUrl = (() => {
  const url = new URL(redisBase)
  url.pathname = '/13'
  return url.toString()
})()

const unreachable = (what: string, url: string, error: unknown) =>
  new Error(`devenv's tests need ${what} at ${url} (${(error as Error).message}); start it, or set ${what === 'Postgres' ? 'DATABASE_URL' : 'REDIS_URL'}`)

export interface TestDatabase {
  name: string
  url: string
  drop(): Promise<void>
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl, connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
  } catch (error) {
    throw unreachable('Postgres', adminDatabaseUrl, error)
  }
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** A fresh, empty database of the test file's own (ndith_devenv_test_<random>), dropped afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `ndith_devenv_test_${randomBytes(5).toString('hex')}`
  await admin((c) => c.query(`create database ${name}`))
  const url = new URL(adminDatabaseUrl)
  url.pathname = `/${name}`
  return { name, url: url.toString(), drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined) }
}

export async function query<Row>(url: string, text: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(text, params)).rows as Row[]
  } finally {
    await client.end()
  }
}

export async function assertRedis(): Promise<void> {
  const client = new Redis(testRedisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
  client.on('error', () => {})
  try {
    await client.connect()
    await client.ping()
  } catch (error) {
    throw unreachable('Redis', testRedisUrl, error)
  } finally {
    client.disconnect()
  }
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}
