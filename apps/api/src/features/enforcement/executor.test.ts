import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestDatabase } from '../../../test/support/database.ts'
import { RateLimited } from '../../jobs/runner.ts'
import { createUser, migratedDatabase } from '../connections/connection-fixtures.ts'
import { ProviderRequestError, RateLimitedError } from '../connections/provider-errors.ts'
import type { StreamingProvider } from '../connections/provider.ts'
import { enforcementExecutor } from './executor.ts'
import * as repo from './repository.ts'
import { enforceItems, type StoredAction } from './run-items.ts'

let database: TestDatabase
beforeAll(async () => {
  database = await migratedDatabase()
}, 60_000)
afterAll(() => database?.drop())

/** A provider holding a saved library in memory; scripted refusals per call. */
function fakeProvider(saved: Set<string>, refuse: (uris: readonly string[], call: number) => Error | undefined) {
  const calls: string[][] = []
  const provider = {
    limits: { pageSize: 50, libraryUrisPerCall: 40, playlistItemsPerCall: 100 },
    async removeFromLibrary(_tokens: unknown, uris: readonly string[]) {
      calls.push([...uris])
      const error = refuse(uris, calls.length)
      if (error) throw error
      for (const uri of uris) saved.delete(uri)
    },
    async savedTracks() {
      return { items: [...saved].map((uri) => ({ uri, id: uri, name: uri, addedAt: null, artists: [] })), next: null, total: saved.size }
    },
  }
  return { provider: provider as unknown as StreamingProvider, calls }
}

async function runOf(actions: StoredAction[], playlists: { id: string; name: string; snapshotId: string }[] = []) {
  const userId = await createUser(database.db)
  const connection = await database.db.insertInto('connections').values({ user_id: userId, provider: 'spotify', provider_user_id: randomUUID() } as never).returning('id').executeTakeFirstOrThrow()
  const plan = await database.db.insertInto('enforcement_plans').values({
    user_id: userId, connection_id: connection.id, fingerprint: 'f', options: '{}', summary: '{}', actions: JSON.stringify(actions), skipped: '[]', scanned_at: new Date(),
    playlists: JSON.stringify(playlists),
  }).returning('id').executeTakeFirstOrThrow()
  const items = enforceItems(actions, new Map(playlists.map((p) => [p.id, p])), { libraryUrisPerCall: 40, playlistItemsPerCall: 100 })
  return repo.insertRun(database.db, { userId, connectionId: connection.id, provider: 'spotify', kind: 'enforce', planId: plan.id, rollbackOf: null }, items)
}

const tracks = (n: number): StoredAction[] => Array.from({ length: n }, (_, i) => ({ kind: 'remove_saved_track', uri: `spotify:track:t${i}`, name: `T${i}`, matches: [], reason: 'r' }))
const executorFor = (provider: StreamingProvider) =>
  enforcementExecutor({ db: database.db, providers: { spotify: provider }, tokenSource: () => ({ current: async () => 't', afterRejected: async () => 't' }), clock: () => new Date(), sleep: async () => {} })

describe('the run executor', () => {
  it('records a permanently refused item as failed and goes on with the rest', async () => {
    const saved = new Set(tracks(45).map((t) => t.uri))
    const { provider, calls } = fakeProvider(saved, (uris) => (uris.includes('spotify:track:t7') ? new ProviderRequestError('spotify', 400, 'bad uri') : undefined))
    const run = await runOf(tracks(45))
    await executorFor(provider)(run.id)

    expect(await repo.runCounts(database.db, run.id)).toEqual({ total: 45, done: 44, failed: 1, pending: 0 })
    const failed = await database.db.selectFrom('action_items').select(['entity_id', 'error']).where('batch_id', '=', run.id).where('status', '=', 'failed').execute()
    expect(failed).toEqual([{ entity_id: 'spotify:track:t7', error: 'Refused by the provider (400)' }])
    // The refused chunk of 40 is narrowed to its items one by one; the last chunk of 5 is one call.
    expect(calls.map((c) => c.length)).toEqual([40, ...Array<number>(40).fill(1), 5])
    expect([...saved]).toEqual(['spotify:track:t7'])
    expect((await repo.findRun(database.db, run.id))!.status).toBe('completed')
  })

  it('turns a 429 into RateLimited for the queue (nothing marked attempted), then finishes when run again', async () => {
    const saved = new Set(tracks(3).map((t) => t.uri))
    const { provider, calls } = fakeProvider(saved, (_uris, call) => (call === 1 ? new RateLimitedError('spotify', 7, false) : undefined))
    const run = await runOf(tracks(3))
    const execute = executorFor(provider)
    const error = await execute(run.id).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RateLimited)
    expect((error as RateLimited).retryAfterMs).toBe(7000)
    const items = await database.db.selectFrom('action_items').select(['status', 'attempted_at']).where('batch_id', '=', run.id).execute()
    expect(items.every((i) => i.status === 'pending' && i.attempted_at === null)).toBe(true)

    await execute(run.id)
    expect(calls).toHaveLength(2)
    expect(await repo.runCounts(database.db, run.id)).toMatchObject({ done: 3, pending: 0 })
    expect((await repo.findRun(database.db, run.id))!.retries).toBe(1)
  })

  it('settles a chunk left attempted by a crash by reading the library, without calling again when it took effect', async () => {
    const saved = new Set<string>() // the crashed call had removed them
    const { provider, calls } = fakeProvider(saved, () => undefined)
    const run = await runOf(tracks(2))
    const ids = (await database.db.selectFrom('action_items').select('id').where('batch_id', '=', run.id).execute()).map((r) => r.id)
    await repo.markAttempted(database.db, ids, new Date())
    await executorFor(provider)(run.id)
    expect(calls).toEqual([])
    const notes = await database.db.selectFrom('action_items').select(['status', 'note']).where('batch_id', '=', run.id).execute()
    expect(notes.every((n) => n.status === 'done' && n.note?.includes('interrupted call'))).toBe(true)
  })

  it('refuses to start when a playlist the plan changes has changed at the provider since (re-plan)', async () => {
    const { provider, calls } = fakeProvider(new Set(), () => undefined)
    const playlistsNow = { items: [{ id: 'pl1', name: 'Mine', ownerId: 'me', collaborative: false, snapshotId: 'snap-2', itemCount: 1 }], next: null, total: 1 }
    Object.assign(provider, { playlists: async () => playlistsNow, removePlaylistItems: async () => { calls.push(['playlist']); return 'snap-3' } })
    const action: StoredAction = { kind: 'remove_playlist_item', uri: 'spotify:track:a', name: 'A', playlistId: 'pl1', positions: [0], matches: [], reason: 'r' }
    const run = await runOf([action], [{ id: 'pl1', name: 'Mine', snapshotId: 'snap-1' }])
    await executorFor(provider)(run.id)
    expect(calls).toEqual([])
    const stopped = (await repo.findRun(database.db, run.id))!
    expect(stopped).toMatchObject({ status: 'failed', error: 'The playlist "Mine" changed on the provider before the run started: scan again, then re-plan' })
    expect(await repo.runCounts(database.db, run.id)).toMatchObject({ failed: 1, pending: 0 })
  })
})
