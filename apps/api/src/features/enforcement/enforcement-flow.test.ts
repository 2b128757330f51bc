import { describe, expect, it } from 'vitest'
import { allPages, applied, blockFrequentArtists, comparable, connectAndScan, isRemoval, minimumRemovalCalls, simulatorUserToken, stillPresent, until, type ApiCall } from '../../../test/support/enforcement.ts'
import { signInListener } from '../../../test/support/listener.ts'
import { useSimulatorApp } from '../../../test/support/simulator-app.ts'

const env = useSimulatorApp()

async function listenerFor() {
  const listener = await signInListener(env.t.app)
  const call: ApiCall = async (method, url, body) => {
    const response = await listener.call(method, url, body)
    return { status: response.statusCode, json: () => response.json() }
  }
  const follow = (callback: URL) => env.t.app.inject({ url: `${callback.pathname}${callback.search}` })
  return { listener, call, follow }
}

const finished = (call: ApiCall, runId: string) =>
  until(() => call('GET', `/me/runs/${runId}`), (r) => r.json().status === 'completed' || r.json().status === 'failed').then((r) => r.json())

describe('enforcement options', () => {
  it('are the defaults until changed, then remembered (and audited)', async () => {
    const { call } = await listenerFor()
    expect((await call('GET', '/me/enforcement/options')).json()).toEqual({
      options: { includeFeatured: false, categories: { savedTracks: true, savedAlbums: true, followedArtists: true, playlistItems: true }, exceptions: { artistIds: [], trackUris: [], playlistIds: [] } },
      updatedAt: null,
    })
    const chosen = { includeFeatured: true, categories: { savedTracks: true, savedAlbums: false, followedArtists: true, playlistItems: true }, exceptions: { artistIds: [], trackUris: ['spotify:track:x'], playlistIds: ['p1'] } }
    expect((await call('PUT', '/me/enforcement/options', chosen)).status).toBe(200)
    const again = (await call('GET', '/me/enforcement/options')).json()
    expect(again.options).toEqual(chosen)
    expect(again.updatedAt).not.toBeNull()
    expect((await call('PUT', '/me/enforcement/options', { includeFeatured: 'yes' })).status).toBe(400)
    const activity = (await call('GET', '/me/activity')).json().items.map((i: { action: string }) => i.action)
    expect(activity).toContain('enforcement.options_updated')
  })
})

describe('plan, run and roll back against the simulator', () => {
  it('plans with reasons, runs at the minimum number of removal calls through 429s and 5xx, refuses a stale plan, and rolls back to the original library', async () => {
    const { call, follow } = await listenerFor()
    const connectionId = await connectAndScan(call, env.sim, 'alice', follow)
    expect((await call('POST', `/me/connections/${connectionId}/plans`, {})).json().summary.actions).toBe(0)

    const original = await env.sim.library('alice')
    await blockFrequentArtists(call, env.t.db, original, 3)
    const created = await call('POST', `/me/connections/${connectionId}/plans`, {})
    expect(created.status).toBe(201)
    const plan = created.json()
    expect(plan.summary.actions).toBeGreaterThan(40)
    expect(plan.summary.byCategory.playlistItems).toBeGreaterThan(0)
    expect((await call('GET', `/me/plans/${plan.id}`)).json()).toEqual({ ...plan, latestRunId: null })

    // Every action, paged; each with its reason; a category filter narrows them.
    const actions = await allPages<{ kind: string; uri: string; playlistId: string | null; reason: string; category: string }>(call, `/me/plans/${plan.id}/actions`)
    expect(actions).toHaveLength(plan.summary.actions)
    for (const a of actions) expect(a.reason).toMatch(/\w/)
    const playlistOnly = (await call('GET', `/me/plans/${plan.id}/actions?category=playlistItems&limit=5`)).json()
    expect(playlistOnly.total).toBe(plan.summary.byCategory.playlistItems)
    expect(playlistOnly.items.every((a: { kind: string }) => a.kind === 'remove_playlist_item')).toBe(true)
    const skipped = (await call('GET', `/me/plans/${plan.id}/skipped?limit=100`)).json()
    expect(skipped.total).toBe(plan.summary.skipped.total)

    // Faults: a burst limit (429 with Retry-After) and a share of 5xx (seeded: the same sequence each time).
    await env.sim.clearRequests()
    await env.sim.setFaults({ rateLimit: 4, rateWindowSeconds: 1, retryAfterSeconds: 1, serverErrorRate: 0.25 })
    const started = await call('POST', `/me/plans/${plan.id}/runs`)
    expect(started.status).toBe(202)
    expect(started.json()).toMatchObject({ kind: 'enforce', status: 'queued', progress: { total: actions.length, remaining: actions.length } })
    const run = await finished(call, started.json().id)
    await env.sim.setFaults({ rateLimit: null, serverErrorRate: 0 })
    expect(run).toMatchObject({ status: 'completed', error: null, progress: { total: actions.length, done: actions.length, failed: 0, remaining: 0 } })

    const removals = (await env.sim.requests()).filter(isRemoval)
    const failedCalls = removals.filter((r) => !applied(r))
    expect(removals.filter(applied)).toHaveLength(minimumRemovalCalls(actions))
    expect(failedCalls.length).toBeGreaterThanOrEqual(2)
    expect(removals).toHaveLength(minimumRemovalCalls(actions) + run.progress.retries)
    expect(failedCalls.every((r) => r.status === 429 || r.status >= 500)).toBe(true)
    expect(failedCalls.filter((r) => r.status === 429).length).toBeGreaterThan(0)
    expect(failedCalls.filter((r) => r.status >= 500).length).toBeGreaterThan(0)
    expect(stillPresent(await env.sim.library('alice'), actions)).toEqual([])

    const items = await allPages<{ status: string; addedAt: string | null; positions: number[]; kind: string }>(call, `/me/runs/${run.id}/items`)
    expect(items.every((i) => i.status === 'done')).toBe(true)
    expect(items.filter((i) => i.kind === 'remove_playlist_item').every((i) => i.positions.length > 0)).toBe(true)

    // The same plan again: the playlists changed (by the run itself), so it is stale.
    const again = await call('POST', `/me/plans/${plan.id}/runs`)
    expect(again.status).toBe(409)
    expect(again.json().error.message).toMatch(/re-plan/)

    // Undo: the preview says what cannot come back exactly; the rollback restores the library.
    const preview = (await call('POST', `/me/runs/${run.id}/rollback-preview`, {})).json()
    expect(preview.restorable).toBe(actions.length)
    expect(preview.issues.some((i: { issue: string }) => i.issue === 'added_date')).toBe(true)
    expect(preview.issues.some((i: { issue: string }) => i.issue === 'playlist_changed')).toBe(false)

    // The listener adds a track to a playlist in Spotify's app: that playlist's items may not land exactly.
    const changed = actions.find((a) => a.playlistId)!.playlistId!
    const token = await simulatorUserToken(env.sim, 'alice')
    const extra = original.savedTracks.map((t) => t.uri).find((uri) => !original.playlists.find((p) => p.id === changed)!.items.some((i) => i.uri === uri))!
    const edit = (method: string) => fetch(`${env.sim.apiUrl}/playlists/${changed}/items`, {
      method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(method === 'POST' ? { uris: [extra] } : { items: [{ uri: extra }] }),
    })
    expect((await edit('POST')).status).toBe(201)
    const warned = (await call('POST', `/me/runs/${run.id}/rollback-preview`, {})).json()
    const moved = warned.issues.filter((i: { issue: string }) => i.issue === 'playlist_changed')
    expect(moved.length).toBe(actions.filter((a) => a.playlistId === changed).length)
    expect((await edit('DELETE')).status).toBe(200) // and takes it out again

    const rollback = await call('POST', `/me/runs/${run.id}/rollback`, {})
    expect(rollback.status).toBe(202)
    expect(rollback.json()).toMatchObject({ kind: 'rollback', rollbackOf: run.id })
    expect((await finished(call, rollback.json().id))).toMatchObject({ status: 'completed', progress: { failed: 0, remaining: 0 } })
    expect(comparable(await env.sim.library('alice'))).toEqual(comparable(original))
    expect((await call('POST', `/me/runs/${run.id}/rollback`, {})).status).toBe(409) // nothing left to put back

    const history = (await call('GET', `/me/connections/${connectionId}/runs`)).json()
    expect(history.items.map((r: { kind: string }) => r.kind)).toEqual(['rollback', 'enforce'])
    const activity = (await call('GET', '/me/activity?limit=100')).json().items.map((i: { action: string }) => i.action)
    expect(activity).toEqual(expect.arrayContaining(['enforcement.planned', 'enforcement.run_started', 'enforcement.rollback_started']))
  }, 180_000)

  it('refuses a plan whose list changed since, allows one run per connection, and rolls back chosen items only', async () => {
    const { call, follow } = await listenerFor()
    const connectionId = await connectAndScan(call, env.sim, 'carol', follow)
    const original = await env.sim.library('carol')
    const [first] = await blockFrequentArtists(call, env.t.db, original, 1)
    const stale = (await call('POST', `/me/connections/${connectionId}/plans`, {})).json()
    await blockFrequentArtists(call, env.t.db, original, 2)
    const refused = await call('POST', `/me/plans/${stale.id}/runs`)
    expect(refused.status).toBe(409)
    expect(refused.json().error.message).toMatch(/changed since this plan was made: re-plan/)

    const options = { includeFeatured: false, categories: { savedTracks: true, savedAlbums: false, followedArtists: false, playlistItems: false }, exceptions: { artistIds: [], trackUris: [], playlistIds: [] } }
    const plan = (await call('POST', `/me/connections/${connectionId}/plans`, { options })).json()
    expect(plan.summary.byCategory).toMatchObject({ savedAlbums: 0, followedArtists: 0, playlistItems: 0 })
    expect(first).toBeDefined()
    // Slow calls (so the run is still going when a second one is asked for), and the first change
    // applied with its response lost: settled by reading the library back, not by sending it again.
    await env.sim.clearRequests()
    await env.sim.setFaults({ latencyMs: 200, lostResponseNext: 1 })
    const started = await call('POST', `/me/plans/${plan.id}/runs`)
    const second = await call('POST', `/me/plans/${plan.id}/runs`)
    expect(second.status).toBe(409)
    expect(second.json().error.message).toMatch(/already in progress/)
    await env.sim.setFaults({ latencyMs: 0 })
    const run = await finished(call, started.json().id)
    expect(run.status).toBe('completed')

    const removals = (await env.sim.requests()).filter(isRemoval)
    expect(removals.filter((r) => r.fault === 'lost_response')).toHaveLength(1)
    const removedUris = removals.filter(applied).flatMap((r) => r.uris ?? [])
    expect(removedUris).toHaveLength(new Set(removedUris).size)
    expect(removedUris).toHaveLength(plan.summary.actions)
    expect(removals.filter(applied)).toHaveLength(Math.ceil(plan.summary.actions / 40))

    const items = await allPages<{ id: string; uri: string; note: string | null }>(call, `/me/runs/${run.id}/items`)
    expect(items.filter((i) => i.note?.includes('after an interrupted call')).length).toBeGreaterThan(0)
    const chosen = items.slice(0, 2)
    const preview = (await call('POST', `/me/runs/${run.id}/rollback-preview`, { itemIds: chosen.map((i) => i.id) })).json()
    expect(preview.restorable).toBe(2)
    const rollback = await call('POST', `/me/runs/${run.id}/rollback`, { itemIds: chosen.map((i) => i.id) })
    await finished(call, rollback.json().id)
    const saved = new Set((await env.sim.library('carol')).savedTracks.map((s) => s.uri))
    expect(items.filter((i) => saved.has(i.uri)).map((i) => i.uri)).toEqual(chosen.map((i) => i.uri))
  }, 180_000)
})
