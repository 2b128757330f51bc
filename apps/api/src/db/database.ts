import { Kysely, PostgresDialect, type LogEvent } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { AuditLogTable } from '../features/audit/tables.ts'
import type { ArtistsTable } from '../features/artists/tables.ts'
import type { AuthSessionsTable, UsersTable } from '../features/auth/tables.ts'
import type { BlocklistImportsTable, UserArtistBlocksTable } from '../features/blocklist/tables.ts'
import type {
  CommunityListItemsTable,
  CommunityListReportsTable,
  CommunityListSubscriptionsTable,
  CommunityListsTable,
  CommunityListVersionItemsTable,
  CommunityListVersionsTable,
} from '../features/community/tables.ts'
import type { ConnectionsTable, OAuthAuthorizationsTable } from '../features/connections/tables.ts'
import type { ActionBatchesTable, ActionItemsTable, EnforcementOptionsTable, EnforcementPlansTable } from '../features/enforcement/tables.ts'
import type { LibraryItemArtistsTable, LibraryItemsTable, LibraryPlaylistsTable, LibraryScansTable } from '../features/library/tables.ts'

/** The typed view of the schema, assembled from each feature's table types. */
export interface Database {
  users: UsersTable
  auth_sessions: AuthSessionsTable
  audit_log: AuditLogTable
  artists: ArtistsTable
  user_artist_blocks: UserArtistBlocksTable
  blocklist_imports: BlocklistImportsTable
  community_lists: CommunityListsTable
  community_list_items: CommunityListItemsTable
  community_list_versions: CommunityListVersionsTable
  community_list_version_items: CommunityListVersionItemsTable
  community_list_subscriptions: CommunityListSubscriptionsTable
  community_list_reports: CommunityListReportsTable
  connections: ConnectionsTable
  oauth_authorizations: OAuthAuthorizationsTable
  library_scans: LibraryScansTable
  library_playlists: LibraryPlaylistsTable
  library_items: LibraryItemsTable
  library_item_artists: LibraryItemArtistsTable
  enforcement_options: EnforcementOptionsTable
  enforcement_plans: EnforcementPlansTable
  action_batches: ActionBatchesTable
  action_items: ActionItemsTable
}

export type Db = Kysely<Database>

// Set on every connection:
// - pg_trgm's default word-similarity threshold (0.6) drops typos such as "kanye wst"; 0.45 keeps
//   them while the trigram index still narrows the search;
// - random_page_cost 1.1 (the default 4 prices a disk seek): the data is in memory or on SSD, and
//   with the default the planner reads the whole catalog to join a list of 200 entries to their
//   artists (7 ms at 20,000 artists) instead of looking each one up by key (1.3 ms).
const SESSION_SETTINGS = { 'pg_trgm.word_similarity_threshold': '0.45', random_page_cost: '1.1' }
/** For Postgres, startup parameters: no extra round trip, no query racing the connection's first one. */
export const POSTGRES_SESSION_OPTIONS = Object.entries(SESSION_SETTINGS).map(([name, value]) => `-c ${name}=${value}`).join(' ')

export interface DatabaseHandle {
  db: Db
  kind: 'postgres' | 'pglite'
  /** Human-readable target for logs, without credentials. */
  describe: string
  /** The pg pool (Postgres only), for the metrics' total/idle/waiting figures. */
  pool?: pg.Pool
  /** Sets the one listener of every query's duration and outcome (kysely's log hook), e.g. the metrics. */
  observeQueries(listener: (event: LogEvent) => void): void
}

/** kysely's log hook, pointed at a listener that can be set after the database is opened. */
function queryObserver() {
  let listener: ((event: LogEvent) => void) | undefined
  return { log: (event: LogEvent) => listener?.(event), observeQueries: (next: (event: LogEvent) => void) => void (listener = next) }
}

export interface PostgresOptions {
  onPoolError?: (error: Error) => void
  maxConnections?: number
  /** How long a query waits for a pooled connection before failing (and the API answering 503). */
  connectionTimeoutMillis?: number
  /** Postgres cancels a statement running longer (SQLSTATE 57014; the API answers 503). Unset = no limit. */
  statementTimeoutMillis?: number
}

export function connectPostgres(databaseUrl: string, options: PostgresOptions = {}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5000,
    options: POSTGRES_SESSION_OPTIONS,
    ...(options.statementTimeoutMillis ? { statement_timeout: options.statementTimeoutMillis } : {}),
  })
  const onError = (error: Error) => options.onPoolError?.(error)
  // A client whose server went away emits 'error'. The pool listens only while a client is idle;
  // a client checked out between queries (inside a transaction, say) has no listener of its own,
  // and an unhandled 'error' event would end the process. So every client gets one for its life.
  // The failing query (if any) is rejected as usual, and the pool drops the broken client on release.
  pool.on('error', onError)
  pool.on('connect', (client) => {
    client.on('error', onError)
  })
  const url = new URL(databaseUrl)
  const { log, observeQueries } = queryObserver()
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log }),
    kind: 'postgres',
    describe: `postgres://${url.hostname}:${url.port || 5432}${url.pathname}`,
    pool,
    observeQueries,
  }
}

/** Embedded PostgreSQL (WASM) persisted in dataDir, or in memory when dataDir is undefined. */
export async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  const [{ PGlite }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ])
  const dir = dataDir ? path.join(dataDir, 'pglite') : undefined
  if (dir) mkdirSync(dir, { recursive: true })
  const pglite = await PGlite.create({ ...(dir ? { dataDir: dir } : {}), extensions: { pg_trgm } })
  await pglite.exec(`create extension if not exists pg_trgm; ${Object.entries(SESSION_SETTINGS).map(([name, value]) => `set ${name} = ${value};`).join(' ')}`)
  const { log, observeQueries } = queryObserver()
  return {
    observeQueries,
    db: new Kysely<Database>({ dialect: new PGliteDialect(pglite), log }),
    kind: 'pglite',
    describe: dir ? `embedded PGlite in ${dir}` : 'embedded PGlite in memory',
  }
}
