import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allPages, blockFrequentArtists, comparable, connectAndScan, until, type ApiCall } from '../../../test/support/enforcement.ts'
import { publishedList, signIn } from '../../../test/support/community.ts'
import { signInListener } from '../../../test/support/listener.ts'
import { startSimulator, type Simulator, type SimulatorLibrary } from '../../../test/support/simulator.ts'
import { createTestApp, testConfig, type TestApp } from '../../../test/support/test-app.ts'
import { startWorkers } from '../../workers.ts'
import { describeChange } from './keep-enforced.ts'

const DAY_MS = 24 * 60 * 60 * 1000
let offsetMs = 0
let sim: Simulator
let t: TestApp
let workers: { stop(): void }
beforeAll(async () => {
  sim = await startSimulator()
  t = await createTestApp({
    clock: () => new Date(Date.now() + offsetMs),
    config: {
      connections: {
        ...testConfig.connections,
        tokenEncryptionKeys: [{ id: 'k1', key: randomBytes(32) }],
        simulator: { clientId: sim.clientId, accountsUrl: sim.accountsUrl, authorizeBaseUrl: sim.accountsUrl, apiUrl: sim.apiUrl },
      },
    },
  })
  workers = startWorkers(t.app.services, t.jobs, t.app.log)
}, 60_000)
afterAll(async () => {
  workers?.stop()
  await t?.close()
  await sim?.stop()
})

async function listenerFor() {
  const listener = await signInListener(t.app)
  const call: ApiCall = async (method, url, body) => {
    const response = await listener.call(method, url, body)
    return { status: response.statusCode, json: () => response.json() }
  }
  const follow = (callback: URL) => t.app.inject({ url: `${callback.pathname}${callback.search}` })
  return { call, follow }
}

interface Run { id: string; planId: string; automatic: boolean; trigger: string | null; status: string; progress: { total: number; done: number; failed: number } }
const runsOf = async (call: ApiCall, connectionId: string): Promise<Run[]> => (await call('GET', `/me/connections/${connectionId}/runs`)).json().items
const finishedRuns = (call: ApiCall, connectionId: string, count: number) =>
  until(() => runsOf(call, connectionId), (runs) => runs.length >= count && runs.every((r) => r.status === 'completed' || r.status === 'failed'))
const keep = () => t.app.services.enforcement.keepEnforced

/** The library less what the run removed (by container), to compare with the library after it. */
function without(library: SimulatorLibrary, removed: { uri: string; playlistId: string | null }[]) {
  const gone = new Set(removed.map((r) => `${r.playlistId ?? 'library'} ${r.uri}`))
  const expected = comparable(library)
  const keepLibrary = (uris: string[]) => uris.filter((uri) => !gone.has(`library ${uri}`))
  return {
    savedTracks: keepLibrary(expected.savedTracks),
    savedAlbums: keepLibrary(expected.savedAlbums),
    followedArtists: keepLibrary(expected.followedArtists),
    playlists: Object.fromEntries(Object.entries(expected.playlists).map(([id, uris]) => [id, uris.filter((uri) => !gone.has(`${id} ${uri}`))])),
  }
}

describe('keep it enforced', () => {
  it('when on, an artist added to the list is removed automatically (exactly their items, nothing else), logged as an automatic run and audited', async () => {
    const { call, follow } = await listenerFor()
    const connectionId = await connectAndScan(call, sim, 'alice', follow)
    expect((await call('GET', `/me/connections/${connectionId}/keep-enforced`)).json()).toMatchObject({ enabled: false, dailyLimit: 200, updatedAt: null })
    const turnedOn = await call('PUT', `/me/connections/${connectionId}/keep-enforced`, { enabled: true })
    expect(turnedOn.status).toBe(200)
    expect(turnedOn.json()).toMatchObject({ connectionId, enabled: true, dailyLimit: 200 })

    const before = await sim.library('alice')
    const [artistId] = await blockFrequentArtists(call, t.db, before, 1)
    const [run] = await finishedRuns(call, connectionId, 1)
    const { canonical_name: name } = await t.db.selectFrom('artists').select('canonical_name').where('id', '=', artistId!).executeTakeFirstOrThrow()
    expect(run).toMatchObject({ automatic: true, status: 'completed', trigger: `${name} added to your list`, progress: { failed: 0 } })

    const actions = await allPages<{ uri: string; playlistId: string | null; matches: { artistId: string }[] }>(call, `/me/plans/${run!.planId}/actions`)
    expect(actions.length).toBe(run!.progress.total)
    expect(actions.length).toBeGreaterThan(0)
    expect(actions.every((a) => a.matches.some((m) => m.artistId === artistId))).toBe(true)
    expect(comparable(await sim.library('alice'))).toEqual(without(before, actions))

    const activity = (await call('GET', '/me/activity?limit=100')).json().items.map((i: { action: string }) => i.action)
    expect(activity).toEqual(expect.arrayContaining(['enforcement.keep_enforced_updated', 'enforcement.auto_run_started']))

    // The same list again: nothing new to remove, so no second run.
    await keep().handle(connectionId)
    expect(await runsOf(call, connectionId)).toHaveLength(1)

    // A second artist: removed by a second automatic run, even where the first run changed a playlist
    // since the scan (then the job scans again and the change waits for it; polled here, the sweep's job).
    const between = await sim.library('alice')
    const second = (await blockFrequentArtists(call, t.db, before, 2)).find((id) => id !== artistId)
    const runs = await until(async () => (await keep().handle(connectionId), runsOf(call, connectionId)), (all) => all.length === 2 && all.every((r) => r.status === 'completed'))
    expect(runs[0]).toMatchObject({ automatic: true, progress: { failed: 0 } })
    const secondActions = await allPages<{ uri: string; playlistId: string | null; matches: { artistId: string }[] }>(call, `/me/plans/${runs[0]!.planId}/actions`)
    expect(secondActions.every((a) => a.matches.some((m) => m.artistId === second))).toBe(true)
    expect(comparable(await sim.library('alice'))).toEqual(without(between, secondActions))
    const rescans = await t.db.selectFrom('audit_log').select('id').where('subject_id', '=', connectionId).where('action', '=', 'library.scan_started')
      .where('request_id', '=', `keep-enforced:${connectionId}`).execute()
    expect(rescans.length).toBeGreaterThan(0) // alice's second artist is in a playlist the first run changed: the job scanned again

    // Taken off the list, the artist leaves the enforced set: listed again, it would be removed again.
    const entry = (await call('GET', '/me/blocklist')).json().items.find((e: { artist: { id: string } }) => e.artist.id === artistId)
    expect((await call('DELETE', `/me/blocklist/${entry.id}`)).status).toBe(200)
    await keep().handle(connectionId)
    const row = await t.db.selectFrom('connections').select('enforced_artist_ids').where('id', '=', connectionId).executeTakeFirstOrThrow()
    expect(row.enforced_artist_ids).toEqual([second])
  }, 180_000)

  it('when off (the default), a change of the list starts nothing; turned on, subscribing to a community list removes what it adds, saying which list', async () => {
    const { call, follow } = await listenerFor()
    const connectionId = await connectAndScan(call, sim, 'bob', follow)
    const library = await sim.library('bob')
    const [blocked] = await blockFrequentArtists(call, t.db, library, 1)
    await keep().handle(connectionId)
    expect(await runsOf(call, connectionId)).toEqual([])
    expect(comparable(await sim.library('bob'))).toEqual(comparable(library))

    await call('PUT', `/me/connections/${connectionId}/keep-enforced`, { enabled: true })
    const curator = await signIn(t.app)
    const spotifyIds = library.savedTracks.map((track) => track.artistIds[0]!)
    const artist = await t.db.selectFrom('artists').select(['id', 'canonical_name']).where('spotify_id', 'in', spotifyIds).where('id', '!=', blocked!)
      .orderBy('id').limit(1).executeTakeFirstOrThrow()
    const listId = await publishedList(curator, [artist.id], { name: 'Keep test list' })
    expect((await call('PUT', `/community-lists/${listId}/subscription`, { mode: 'auto' })).status).toBe(201)
    const [run] = await finishedRuns(call, connectionId, 1)
    expect(run).toMatchObject({ automatic: true, status: 'completed', trigger: `${artist.canonical_name} added by the community list "Keep test list"`, progress: { failed: 0 } })
    const actions = await allPages<{ matches: { artistId: string }[] }>(call, `/me/plans/${run!.planId}/actions`)
    expect(actions.length).toBeGreaterThan(0)
    expect(actions.every((a) => a.matches.some((m) => m.artistId === artist.id))).toBe(true)
    expect(actions.some((a) => a.matches.some((m) => m.artistId === blocked))).toBe(false) // listed before it was turned on: left to the listener
  }, 180_000)

  it('holds the daily limit: the rest waits for the next day, and the log says so', async () => {
    const { call, follow } = await listenerFor()
    const connectionId = await connectAndScan(call, sim, 'carol', follow)
    const savedTracksOnly = { includeFeatured: false, categories: { savedTracks: true, savedAlbums: false, followedArtists: false, playlistItems: false }, exceptions: { artistIds: [], trackUris: [], playlistIds: [] } }
    await call('PUT', '/me/enforcement/options', savedTracksOnly)
    expect((await call('PUT', `/me/connections/${connectionId}/keep-enforced`, { enabled: true, dailyLimit: 3 })).json()).toMatchObject({ dailyLimit: 3 })

    const library = await sim.library('carol')
    const [artistId] = await blockFrequentArtists(call, t.db, library, 1)
    const [first] = await finishedRuns(call, connectionId, 1)
    expect(first).toMatchObject({ automatic: true, status: 'completed', progress: { total: 3, done: 3 } })
    expect(first!.trigger).toMatch(/more wait for tomorrow \(at most 3 automatic removals a day\)/)

    // Later the same day: the quota is used, nothing runs.
    await keep().handle(connectionId)
    expect(await runsOf(call, connectionId)).toHaveLength(1)

    // The next day the rest goes, at most 3 again. (Read from the database: a day later the listener's session has expired.)
    offsetMs = DAY_MS
    try {
      await keep().handle(connectionId)
      const batches = () => t.db.selectFrom('action_batches').select(['id', 'plan_id', 'automatic', 'status']).where('connection_id', '=', connectionId).orderBy('created_at', 'desc').execute()
      const [second] = await until(batches, (rows) => rows.length === 2 && rows.every((r) => r.status === 'completed'))
      expect(second!.automatic).toBe(true)
      const items = await t.db.selectFrom('action_items').select(['entity_id', 'status']).where('batch_id', '=', second!.id).execute()
      expect(items.length).toBeGreaterThan(0)
      expect(items.length).toBeLessThanOrEqual(3)
      expect(items.every((i) => i.status === 'done')).toBe(true)
      const firstUris = (await t.db.selectFrom('action_items').select('entity_id').where('batch_id', '=', first!.id).execute()).map((i) => i.entity_id)
      expect(items.some((i) => firstUris.includes(i.entity_id))).toBe(false) // not the first day's again
      const plan = await t.db.selectFrom('enforcement_plans').select('actions').where('id', '=', second!.plan_id!).executeTakeFirstOrThrow()
      expect(plan.actions.every((a) => a.matches.some((m) => m.artistId === artistId))).toBe(true)
    } finally {
      offsetMs = 0
    }
  }, 180_000)
})

describe('describeChange', () => {
  const artist = (name: string, sources: { type: 'personal' } | { type: 'list'; listId: string; listName: string; version: number }) => ({ artistId: name, name, sources: [sources] })
  it('names the artists and where they came from', () => {
    expect(describeChange([artist('Drake', { type: 'personal' })])).toBe('Drake added to your list')
    expect(describeChange([artist('A', { type: 'personal' }), artist('B', { type: 'personal' })])).toBe('A and B added to your list')
    const list = { type: 'list' as const, listId: 'l', listName: 'Hate speech', version: 2 }
    expect(describeChange(['A', 'B', 'C', 'D'].map((n) => artist(n, list)))).toBe('A, B and 2 more added by the community list "Hate speech"')
  })
})
