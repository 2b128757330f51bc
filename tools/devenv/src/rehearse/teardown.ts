import { readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { DevenvError, reason } from '../lib/errors.ts'
import { docker } from './docker.ts'

/** Every rehearsal's containers are named ndith-rehearsal-<workload>-<container>. */
const CONTAINER_PREFIX = 'ndith-rehearsal-'
/** ... and its stand-in database and role ndith_rehearsal_<hex>. */
const DATABASE_PATTERN = /^ndith_rehearsal_[0-9a-f]+$/

export interface TearDownResult {
  containers: string[]
  databases: string[]
}

/**
 * What `devenv rehearse --keep` left for a look (or a run that was killed): its containers, its
 * database and role on this machine's Postgres, and the environment files holding its secrets.
 */
export async function tearDownRehearsals(pgAdminUrl: string): Promise<TearDownResult> {
  const listed = await docker(['ps', '--all', '--filter', `name=^${CONTAINER_PREFIX}`, '--format', '{{.Names}}'], 30_000)
  if (listed.code !== 0) throw new DevenvError(`docker ps failed: ${listed.output.trim()}`, 'is the docker daemon running?')
  const containers = listed.output.split('\n').map((l) => l.trim()).filter((name) => name.startsWith(CONTAINER_PREFIX))
  if (containers.length) {
    const removed = await docker(['rm', '--force', ...containers], 60_000)
    if (removed.code !== 0) throw new DevenvError(`docker rm failed: ${removed.output.trim()}`)
  }

  const admin = new pg.Client({ connectionString: pgAdminUrl, connectionTimeoutMillis: 5000 })
  try {
    await admin.connect()
  } catch (error) {
    throw new DevenvError(`cannot reach Postgres at ${new URL(pgAdminUrl).host} (${reason(error)})`, 'start Postgres on this machine, or pass --pg-admin-url')
  }
  const databases: string[] = []
  try {
    const { rows } = await admin.query<{ name: string }>(`select datname as name from pg_database where datname like 'ndith\\_rehearsal\\_%'`)
    for (const { name } of rows.filter((r) => DATABASE_PATTERN.test(r.name))) {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await admin.query(`DROP ROLE IF EXISTS "${name}"`)
      databases.push(name)
    }
  } finally {
    await admin.end()
  }

  for (const entry of readdirSync(tmpdir())) {
    if (entry.startsWith('devenv-rehearse-')) rmSync(path.join(tmpdir(), entry), { recursive: true, force: true })
  }
  return { containers, databases }
}
