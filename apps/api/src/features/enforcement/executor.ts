import { RateLimited } from '../../jobs/runner.ts'
import { GrantRevokedError, ProviderRequestError, ProviderUnavailableError, RateLimitedError, ReconnectRequiredError } from '../connections/provider-errors.ts'
import type { AccessTokenSource, StreamingProvider } from '../connections/provider.ts'
import { realSleep, type ProviderJobDeps } from '../connections/provider-job.ts'
import { changedPlaylist, confirmApplied, playlistSnapshots } from './confirm.ts'
import * as repo from './repository.ts'
import { isPlaylistKind, isRestoreKind } from './run-items.ts'
import type { ItemRow } from './tables.ts'

export interface ExecutorDeps extends ProviderJobDeps {
  /** Calls of one chunk before a 5xx is left to the job's own retries (default 5). */
  maxAttempts?: number
  /** First 5xx backoff, doubled each time (default 1 s). */
  backoffMs?: number
}


/** Why a run stops for good, in the listener's words (never a token or a provider's body); undefined: retry. */
function stopMessage(error: unknown): string | undefined {
  if (error instanceof RateLimitedError && error.quotaExceeded) return "The provider's daily quota for this app is used up; run the plan again later"
  if (error instanceof GrantRevokedError || error instanceof ReconnectRequiredError) return 'The provider no longer accepts this connection; connect the account again'
  if (error instanceof ProviderRequestError && (error.status === 401 || error.status === 403)) return `The provider refused the change (${error.status}); connect the account again`
  return undefined
}

/** One provider call for a chunk; a playlist change answers the playlist's new snapshot id. */
async function call(provider: StreamingProvider, tokens: AccessTokenSource, items: ItemRow[]): Promise<string | undefined> {
  const first = items[0]!
  const uris = items.map((i) => i.entity_id)
  if (!isPlaylistKind(first.action)) {
    if (isRestoreKind(first.action)) await provider.saveToLibrary(tokens, uris)
    else await provider.removeFromLibrary(tokens, uris)
    return undefined
  }
  const playlistId = first.before_state!.playlistId!
  if (first.action === 'remove_playlist_item') return provider.removePlaylistItems(tokens, playlistId, uris)
  return provider.insertPlaylistItems(tokens, playlistId, uris, first.before_state!.positions![0]!)
}

/**
 * The run job: takes the run's chunks in order, one provider call each, and commits each chunk's
 * results in Postgres. Before a call its items are marked attempted (committed), so after a crash
 * or a lost response the chunk's outcome is re-checked with the provider, never blindly repeated.
 * A 429 pauses the queue (RateLimited) without failing; a 5xx is retried with backoff; a permanent
 * refusal of a chunk is narrowed to its items, each recorded, and the run goes on.
 */
export function enforcementExecutor(deps: ExecutorDeps) {
  const sleep = deps.sleep ?? realSleep
  const maxAttempts = deps.maxAttempts ?? 5
  const backoffMs = deps.backoffMs ?? 1000
  const ids = (items: ItemRow[]) => items.map((i) => i.id)

  async function confirm(provider: StreamingProvider, tokens: AccessTokenSource, items: ItemRow[]): Promise<ItemRow[]> {
    const applied = await confirmApplied(provider, tokens, items, { sleep })
    await repo.markDone(deps.db, items.filter((i) => applied.has(i.id)).map((i) => i.id), deps.clock(), { note: 'Confirmed with the provider after an interrupted call' })
    return items.filter((i) => !applied.has(i.id))
  }

  async function succeed(items: ItemRow[], snapshotId: string | undefined) {
    const after = snapshotId ? { ...items[0]!.before_state, snapshotId } : null
    await repo.markDone(deps.db, ids(items), deps.clock(), { after })
  }

  /** A permanent refusal of a chunk: each item on its own, so one bad item does not fail the rest. */
  async function isolate(provider: StreamingProvider, tokens: AccessTokenSource, items: ItemRow[], error: ProviderRequestError) {
    if (items.length === 1) return repo.markFailed(deps.db, ids(items), `Refused by the provider (${error.status})`, deps.clock())
    for (const item of items) await executeChunk(item.batch_id, provider, tokens, [item])
  }

  async function executeChunk(runId: string, provider: StreamingProvider, tokens: AccessTokenSource, chunk: ItemRow[]): Promise<void> {
    let pending = chunk.some((i) => i.attempted_at) ? await confirm(provider, tokens, chunk) : chunk
    for (let attempt = 1; pending.length; attempt++) {
      await repo.markAttempted(deps.db, ids(pending), deps.clock())
      try {
        return await succeed(pending, await call(provider, tokens, pending))
      } catch (error) {
        const unknown = error instanceof ProviderUnavailableError && error.outcomeUnknown
        if (!unknown) await repo.clearAttempted(deps.db, ids(pending), deps.clock())
        if (error instanceof ProviderRequestError && !stopMessage(error)) return isolate(provider, tokens, pending, error)
        if (!(error instanceof ProviderUnavailableError)) throw error
        if (attempt >= maxAttempts) {
          await repo.countRunRetry(deps.db, runId)
          throw error
        }
        await sleep(backoffMs * 2 ** (attempt - 1))
        // A 5xx changed nothing; a lost response may have: only what is not in effect is sent again.
        if (unknown) pending = await confirm(provider, tokens, pending)
        if (pending.length) await repo.countRunRetry(deps.db, runId)
      }
    }
  }

  /** A 429 pauses the queue; a stop ends the run with its reason; anything else is the job's to retry. */
  async function handle(runId: string, error: unknown): Promise<undefined> {
    if (error instanceof RateLimitedError && !error.quotaExceeded) {
      await repo.countRunRetry(deps.db, runId)
      throw new RateLimited(Math.max(1, error.retryAfterSeconds) * 1000)
    }
    const message = stopMessage(error)
    if (!message) throw error // retryable: the job runner tries again with backoff
    await repo.failRun(deps.db, runId, message, deps.clock())
    return undefined
  }

  /** The name of a playlist the plan changes that changed at the provider since the scan, if any. */
  async function staleBeforeStart(planId: string | null, provider: StreamingProvider, tokens: AccessTokenSource): Promise<string | undefined> {
    const plan = planId ? await deps.db.selectFrom('enforcement_plans').select(['actions', 'playlists']).where('id', '=', planId).executeTakeFirst() : undefined
    if (!plan?.actions.some((a) => a.playlistId)) return undefined
    return changedPlaylist(plan, await playlistSnapshots(provider, tokens, { sleep }))?.name
  }

  return async function execute(runId: string): Promise<void> {
    const run = await repo.findRun(deps.db, runId)
    if (!run || (run.status !== 'pending' && run.status !== 'running')) return
    const connection = run.connection_id ? await repo.findConnection(deps.db, run.connection_id) : undefined
    const provider = connection && deps.providers[connection.provider]
    if (!connection || !provider) return repo.failRun(deps.db, runId, 'This account is not connected here any more', deps.clock())
    const tokens = deps.tokenSource(connection.id)
    if (run.kind === 'enforce' && !run.started_at) {
      // Queued a while (behind a pause, say): the playlists are checked again before the first call.
      let stale: string | undefined
      try {
        stale = await staleBeforeStart(run.plan_id, provider, tokens)
      } catch (error) {
        return handle(runId, error)
      }
      if (stale) return repo.failRun(deps.db, runId, `The playlist "${stale}" changed on the provider before the run started: scan again, then re-plan`, deps.clock())
    }
    await repo.startRunning(deps.db, runId, deps.clock())
    for (;;) {
      const chunk = await repo.nextChunk(deps.db, runId)
      if (!chunk.length) return void (await repo.completeRun(deps.db, runId, deps.clock()))
      try {
        await executeChunk(runId, provider, tokens, chunk)
      } catch (error) {
        return handle(runId, error)
      }
    }
  }
}

export type EnforcementExecutor = ReturnType<typeof enforcementExecutor>
