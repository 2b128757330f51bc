import { execFile } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'

const run = promisify(execFile)

/** PG_BIN, else the newest /usr/lib/postgresql/<major>/bin (Debian, Ubuntu), else whatever is on PATH. */
function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN
  const root = '/usr/lib/postgresql'
  const majors = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin/initdb'))) : []
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0]
  return newest ? path.join(root, newest, 'bin') : ''
}

/**
 * A throw-away PostgreSQL cluster (initdb in a temporary directory, trust auth, 127.0.0.1 only) that
 * the chaos suite can stop and start under load without touching anyone else's database. Postgres
 * refuses to run as root, so as root its commands run as the `postgres` OS user (runuser).
 */
export function privatePostgres(port: number) {
  const bin = postgresBinDir()
  const dir = mkdtempSync(path.join(tmpdir(), 'ndith-chaos-pg-'))
  const data = path.join(dir, 'data')
  const asRoot = process.getuid?.() === 0
  const command = (name: string, args: string[]) => {
    const file = bin ? path.join(bin, name) : name
    return asRoot ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args)
  }
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`

  return {
    dir,
    url,
    async init() {
      if (asRoot) {
        chmodSync(dir, 0o755)
        await run('chown', ['postgres:', dir])
      }
      await command('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'])
    },
    async start() {
      await command('pg_ctl', ['-D', data, '-l', path.join(dir, 'postgres.log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=60`, 'start'])
    },
    /** `pg_ctl stop -m fast`: what a restart or a failover does to every connection. */
    async stop() {
      await command('pg_ctl', ['-D', data, '-w', '-t', '60', '-m', 'fast', 'stop'])
    },
    async createDatabase(name: string) {
      await query('postgres', `create database ${name}`)
    },
    /** Ends every session on `database` (pg_terminate_backend), the way an admin or a pooler failover would. */
    async terminateSessions(database: string): Promise<number> {
      const { rowCount } = await query('postgres', 'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database])
      return rowCount ?? 0
    },
    query: (database: string, sql: string, params: unknown[] = []) => query(database, sql, params),
    async destroy() {
      await command('pg_ctl', ['-D', data, '-w', '-m', 'immediate', 'stop']).catch(() => {})
      rmSync(dir, { recursive: true, force: true })
    },
  }

  async function query(database: string, sql: string, params: unknown[] = []) {
    const client = new pg.Client({ connectionString: url(database) })
    await client.connect()
    try {
      return await client.query(sql, params)
    } finally {
      await client.end()
    }
  }
}

export type PrivatePostgres = ReturnType<typeof privatePostgres>
