import type { ConnectionLibrary, LibraryScan, LibrarySummary } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { isUniqueViolation } from '../../db/errors.ts'
import type { JobRunner } from '../../jobs/runner.ts'
import { AppError } from '../../lib/app-error.ts'
import { recordAudit, type RequestContext } from '../audit/audit-log.ts'
import { effectiveArtistIds } from '../community/subscriptions/effective-repository.ts'
import * as repo from './repository.ts'
import type { LibraryScanRow } from './tables.ts'

/** Scans of one provider share a queue: a 429 pauses that provider's work, not everyone's. */
export const scanQueue = (provider: string) => `library-scan-${provider}`
/** One job per scan; BullMQ ids cannot hold ':'. */
const scanJobId = (scanId: string) => `scan-${scanId}`

export const toLibraryScan = (row: LibraryScanRow): LibraryScan => ({
  id: row.id,
  status: row.status,
  phase: row.phase,
  pagesDone: row.pages_done,
  itemsFound: row.items_found,
  retries: row.retries,
  error: row.error,
  createdAt: row.created_at.toISOString(),
  startedAt: row.started_at?.toISOString() ?? null,
  completedAt: row.completed_at?.toISOString() ?? null,
})

export interface LibraryServiceDeps {
  db: Db
  jobs: JobRunner
  clock: () => Date
  /** Told when a queue could not take a job (Redis away): the scan stays queued for the sweep. */
  onEnqueueFailed?: (scanId: string, error: unknown) => void
}

/**
 * Library scans as the listener starts and follows them. Postgres holds each scan's state; the job
 * queue only carries "run scan X", so a job lost with Redis is re-enqueued by `resumeUnfinished`.
 */
export function libraryService(deps: LibraryServiceDeps) {
  const enqueue = (scanId: string, provider: string) =>
    deps.jobs.enqueue(scanQueue(provider), scanJobId(scanId), { scanId }).catch((error: unknown) => deps.onEnqueueFailed?.(scanId, error))

  async function owned(userId: string, connectionId: string) {
    const connection = await repo.ownedConnection(deps.db, userId, connectionId)
    if (!connection) throw new AppError('NOT_FOUND', 'No such connection')
    return connection
  }

  return {
    /** The newest scan of each connection, by connection id. */
    async latestScans(connectionIds: string[]): Promise<Map<string, LibraryScan>> {
      return new Map((await repo.latestScans(deps.db, connectionIds)).map((row) => [row.connection_id, toLibraryScan(row)]))
    },

    /** Queues a scan (or returns the one already queued or running: one at a time per connection). */
    async startScan(userId: string, connectionId: string, ctx: RequestContext): Promise<LibraryScan> {
      const connection = await owned(userId, connectionId)
      if (connection.status !== 'active') throw new AppError('CONFLICT', 'Connect this account again before scanning: the provider no longer accepts it')
      let scan: LibraryScanRow
      try {
        scan = await deps.db.transaction().execute(async (trx) => {
          const row = await repo.insertScan(trx, connectionId)
          await recordAudit(trx, ctx, { actorId: userId, action: 'library.scan_started', subjectType: 'connection', subjectId: connectionId, after: { scanId: row.id, provider: connection.provider } })
          return row
        })
      } catch (error) {
        const active = isUniqueViolation(error) ? await repo.activeScan(deps.db, connectionId) : undefined
        if (!active) throw error
        scan = active
      }
      await enqueue(scan.id, connection.provider)
      return toLibraryScan(scan)
    },

    async library(userId: string, connectionId: string): Promise<ConnectionLibrary> {
      const connection = await owned(userId, connectionId)
      const [latest] = await repo.latestScans(deps.db, [connectionId])
      if (!connection.current_scan_id || !connection.last_scanned_at) return { scan: latest ? toLibraryScan(latest) : null, summary: null }
      const counts = await repo.snapshotCounts(deps.db, connection.current_scan_id, effectiveArtistIds(userId))
      const kind = (name: string) => counts.byKind.find((k) => k.kind === name) ?? { total: 0, blocked: 0 }
      const strip = ({ total, blocked }: { total: number; blocked: number }) => ({ total, blocked })
      const summary: LibrarySummary = {
        scannedAt: connection.last_scanned_at.toISOString(),
        savedTracks: strip(kind('saved_track')),
        savedAlbums: strip(kind('saved_album')),
        followedArtists: strip(kind('followed_artist')),
        playlistItems: strip(kind('playlist_item')),
        playlists: { total: counts.playlists.total, editable: counts.playlists.owned },
      }
      return { scan: latest ? toLibraryScan(latest) : null, summary }
    },

    /** A scan whose job ran out of attempts (the provider kept failing): the listener can scan again. */
    async giveUp(scanId: string, error: unknown) {
      const reason = error instanceof Error ? error.message : String(error)
      await repo.failScan(deps.db, scanId, `The provider kept failing (${reason.slice(0, 200)}); scan again later`, deps.clock())
    },

    /** Re-enqueues every queued or running scan (after a restart, or a job lost with Redis). */
    async resumeUnfinished(): Promise<number> {
      const scans = await repo.unfinishedScans(deps.db)
      await Promise.all(scans.map((scan) => enqueue(scan.id, scan.provider)))
      return scans.length
    },
  }
}

export type LibraryService = ReturnType<typeof libraryService>
