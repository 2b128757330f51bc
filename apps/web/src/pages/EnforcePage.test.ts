import type {
  ArtistMatch,
  Connection,
  EnforcementOptions,
  EnforcementPlan,
  EnforcementRun,
  KeepEnforced,
  PlanAction,
  PlanActionPage,
  RollbackPreview,
  RunItem,
  SkippedPlanItem,
} from '@ndith/contracts'
import { screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EnforcementApi } from '../lib/api/enforcement-api.ts'
import { ApiError, TemporarilyUnavailableError } from '../lib/api/errors.ts'
import { fakeApis, renderWithApis } from '../test/fake-apis.ts'
import EnforcePage from './EnforcePage.svelte'

// ---- Contract-shaped answers ----

const CONNECTION_ID = '5b0c1d9e-0000-4000-8000-0000000000a1'
const PLAN_ID = '5b0c1d9e-0000-4000-8000-0000000000b1'
const RUN_ID = '5b0c1d9e-0000-4000-8000-0000000000c1'
const DRAKE = '00000000-0000-4000-8000-drake0000000'
const FUTURE = '00000000-0000-4000-8000-future000000'

const alice: Connection = {
  id: CONNECTION_ID,
  provider: 'spotify_simulated',
  accountId: 'alice',
  displayName: 'Alice Example',
  scopes: ['user-library-modify'],
  status: 'active',
  lastError: null,
  lastScannedAt: '2026-11-28T10:00:05.000Z',
  connectedAt: '2026-11-28T09:00:00.000Z',
  scan: null,
}

const defaults = (extra: Partial<EnforcementOptions> = {}): EnforcementOptions => ({
  includeFeatured: true,
  categories: { savedTracks: true, savedAlbums: true, followedArtists: true, playlistItems: true },
  exceptions: { artistIds: [], trackUris: [], playlistIds: [] },
  ...extra,
})

const drake = (role: ArtistMatch['role'] = 'primary'): ArtistMatch => ({ artistId: DRAKE, name: 'Drake', role, sources: [{ type: 'personal' }] })

const plan = (extra: Partial<EnforcementPlan> = {}): EnforcementPlan => ({
  id: PLAN_ID,
  connectionId: CONNECTION_ID,
  fingerprint: 'f'.repeat(64),
  options: defaults(),
  summary: {
    actions: 23,
    byCategory: { savedTracks: 21, savedAlbums: 0, followedArtists: 1, playlistItems: 1 },
    byArtist: [
      { artistId: DRAKE, name: 'Drake', count: 20 },
      { artistId: FUTURE, name: 'Future', count: 3 },
    ],
    skipped: { total: 2, byReason: { playlist_not_editable: 1, featured_only: 1 } },
  },
  scannedAt: '2026-11-28T10:00:05.000Z',
  createdAt: '2026-11-28T10:01:00.000Z',
  latestRunId: null,
  ...extra,
})

/** An action on Drake's behalf: not in a playlist unless said, with the personal list as its reason. */
const action = (fields: Pick<PlanAction, 'index' | 'kind' | 'category' | 'uri' | 'name'> & Partial<PlanAction>): PlanAction => ({
  playlistId: null,
  playlistName: null,
  positions: [],
  matches: [drake()],
  reason: 'Track by Drake (on your personal list)',
  ...fields,
})

const track = (i: number) => action({ index: i, kind: 'remove_saved_track', category: 'savedTracks', uri: `spotify:track:t${i}`, name: `Song ${i}` })

const playlistAction = action({
  index: 100, kind: 'remove_playlist_item', category: 'playlistItems', uri: 'spotify:track:p1', name: 'Jimmy Cooks',
  playlistId: 'pl-road', playlistName: 'Road trip', positions: [3, 9],
})

const followAction = action({
  index: 200, kind: 'unfollow_artist', category: 'followedArtists', uri: 'spotify:artist:drake', name: 'Drake',
  reason: 'You follow Drake (on your personal list)',
})

const skippedItems: SkippedPlanItem[] = [
  {
    kind: 'playlist_item',
    category: 'playlistItems',
    uri: 'spotify:track:s1',
    name: 'Hotline Bling',
    playlistId: 'pl-friend',
    playlistName: "Bob's mix",
    positions: [0],
    matches: [drake()],
    code: 'playlist_not_editable',
    reason: "Bob's mix belongs to someone else: playlists you don't own are never changed",
  },
  {
    kind: 'saved_track',
    category: 'savedTracks',
    uri: 'spotify:track:s2',
    name: 'Work',
    playlistId: null,
    playlistName: null,
    positions: [],
    matches: [drake('featured')],
    code: 'featured_only',
    reason: 'Drake is only featured, and featured appearances are turned off',
  },
]

const page = <T>(items: T[], total: number, offset = 0) => ({ items, total, limit: 20, offset })

function actionsApi(): EnforcementApi['actions'] {
  return vi.fn(async (_planId: string, query = {}): Promise<PlanActionPage> => {
    const offset = query.offset ?? 0
    if (query.category === 'savedTracks') {
      const all = Array.from({ length: 21 }, (_, i) => track(i))
      return page(all.slice(offset, offset + (query.limit ?? 20)), 21, offset)
    }
    if (query.category === 'playlistItems') return page([playlistAction], 1)
    if (query.category === 'followedArtists') return page([followAction], 1)
    return page([], 0)
  })
}

const run = (extra: Partial<EnforcementRun> = {}, progress: Partial<EnforcementRun['progress']> = {}): EnforcementRun => ({
  id: RUN_ID,
  kind: 'enforce',
  planId: PLAN_ID,
  connectionId: CONNECTION_ID,
  rollbackOf: null,
  status: 'queued',
  progress: { total: 23, done: 0, failed: 0, remaining: 23, retries: 0, estimatedSecondsRemaining: null, ...progress },
  error: null,
  automatic: false,
  trigger: null,
  createdAt: '2026-11-28T10:02:00.000Z',
  startedAt: null,
  completedAt: null,
  ...extra,
})

const keepSetting = (enabled: boolean): KeepEnforced => ({ connectionId: CONNECTION_ID, enabled, dailyLimit: 200, updatedAt: null })

function setup(api: Partial<EnforcementApi> = {}) {
  const enforcement: Partial<EnforcementApi> = {
    options: vi.fn(async () => ({ options: defaults(), updatedAt: null })),
    plan: vi.fn(async () => plan()),
    actions: actionsApi(),
    skipped: vi.fn(async () => page(skippedItems, 2)),
    runs: vi.fn(async () => page([], 0)),
    keepEnforced: vi.fn(async () => keepSetting(false)),
    ...api,
  }
  const apis = fakeApis({ connections: { overview: vi.fn(async () => ({ available: ['spotify_simulated' as const], connections: [alice] })) }, enforcement })
  const view = renderWithApis(EnforcePage, { connectionId: CONNECTION_ID }, apis)
  return { ...view, enforcement: apis.enforcement }
}

const user = () => userEvent.setup({ delay: null })

describe('EnforcePage', () => {
  it('previews the plan: counts per category and per artist, the actions grouped by category with their reasons, paged with "Show more"', async () => {
    const { enforcement } = setup()

    const summary = await screen.findByTestId('plan-summary')
    expect(summary).toHaveTextContent('Enforcing your list would remove 23 items and leave 2 matching items alone.')
    expect(within(summary).getByTestId('plan-by-category')).toHaveTextContent('Saved tracks 21Saved albums 0Followed artists 1Playlist items 1')
    expect(within(summary).getByRole('list', { name: 'Items to remove by artist' })).toHaveTextContent('Drake: 20Future: 3')
    expect(enforcement.plan).toHaveBeenCalledWith(CONNECTION_ID)

    const tracks = await screen.findByRole('list', { name: 'Saved tracks to remove' })
    expect(within(tracks).getAllByTestId('plan-item')).toHaveLength(20)
    expect(within(tracks).getAllByTestId('plan-item')[0]).toHaveTextContent('Song 0 Track by Drake (on your personal list) Drake · primary artist Allow this artist Keep this item')
    expect(screen.queryByRole('region', { name: /Saved albums/ })).not.toBeInTheDocument()

    const playlists = screen.getByRole('list', { name: 'Playlist items to remove' })
    expect(playlists).toHaveTextContent('Jimmy Cooks in “Road trip”, positions 4 and 10')

    await user().click(screen.getByRole('button', { name: 'Show more (1 more)' }))
    expect(within(tracks).getAllByTestId('plan-item')).toHaveLength(21)
    expect(enforcement.actions).toHaveBeenLastCalledWith(PLAN_ID, { category: 'savedTracks', limit: 20, offset: 20 })
    expect(screen.queryByRole('button', { name: /Show more/ })).not.toBeInTheDocument()
  })

  it('shows what is left alone and why: playlists the listener does not own, featured-only appearances when they are off', async () => {
    setup()

    const skipped = await screen.findByRole('region', { name: 'Left alone (2)' })
    expect(within(skipped).getByRole('list', { name: 'Why items are left alone' })).toHaveTextContent("Playlist you don't own: 1Featured appearance only: 1")
    const items = await within(skipped).findAllByTestId('plan-item')
    expect(items[0]).toHaveTextContent("Hotline Bling in “Bob's mix”, position 1 Playlist you don't own")
    expect(items[0]).toHaveTextContent("playlists you don't own are never changed")
    expect(items[1]).toHaveTextContent('Drake · featured')
  })

  it('shows the remembered options, explains featured appearances, and saving them re-plans', async () => {
    const saveOptions = vi.fn(async (options: EnforcementOptions) => ({ options, updatedAt: '2026-11-28T10:05:00.000Z' }))
    const { enforcement } = setup({ saveOptions })
    const form = await screen.findByRole('form', { name: 'Enforcement options' })
    const featured = within(form).getByRole('checkbox', { name: 'Include featured appearances' })
    expect(featured).toBeChecked()
    expect(featured).toHaveAccessibleDescription(/Tracks where a listed artist is only featured/)
    for (const name of ['Saved tracks', 'Saved albums', 'Followed artists', 'Playlist items']) expect(within(form).getByRole('checkbox', { name })).toBeChecked()
    await screen.findByTestId('plan-summary')

    await user().click(featured)
    await user().click(within(form).getByRole('checkbox', { name: 'Followed artists' }))
    await user().click(within(form).getByRole('button', { name: 'Save and preview again' }))

    expect(saveOptions).toHaveBeenCalledWith(defaults({ includeFeatured: false, categories: { savedTracks: true, savedAlbums: true, followedArtists: false, playlistItems: true } }))
    expect(enforcement.plan).toHaveBeenCalledTimes(2)
    expect(within(form).getByRole('checkbox', { name: 'Include featured appearances' })).not.toBeChecked()
  })

  it('adds exceptions from the preview ("Allow this artist", "Leave this playlist alone"), lists them by name, and removes them', async () => {
    let saved = defaults()
    const saveOptions = vi.fn(async (options: EnforcementOptions) => ((saved = options), { options, updatedAt: '2026-11-28T10:05:00.000Z' }))
    const { enforcement } = setup({ saveOptions })
    const playlists = await screen.findByRole('list', { name: 'Playlist items to remove' })

    await user().click(within(playlists).getByRole('button', { name: 'Leave this playlist alone: Road trip' }))
    expect(saveOptions).toHaveBeenLastCalledWith(defaults({ exceptions: { artistIds: [], trackUris: [], playlistIds: ['pl-road'] } }))
    expect(enforcement.plan).toHaveBeenCalledTimes(2)

    await user().click(within(screen.getByRole('list', { name: 'Followed artists to remove' })).getByRole('button', { name: 'Allow this artist: Drake' }))
    expect(saved.exceptions).toEqual({ artistIds: [DRAKE], trackUris: [], playlistIds: ['pl-road'] })

    expect(screen.getByRole('list', { name: 'Artists you allow' })).toHaveTextContent('Drake')
    expect(screen.getByRole('list', { name: 'Playlists left alone' })).toHaveTextContent('Road trip')

    await user().click(screen.getByRole('button', { name: 'Remove exception: Road trip' }))
    expect(saved.exceptions).toEqual({ artistIds: [DRAKE], trackUris: [], playlistIds: [] })
    expect(enforcement.plan).toHaveBeenCalledTimes(4)
  })

  it('says to scan first when there is no scan to plan from', async () => {
    setup({ plan: vi.fn(async () => Promise.reject(new ApiError(409, 'CONFLICT', 'Scan the library first: a plan is made from the latest scan'))) })

    expect(await screen.findByRole('alert')).toHaveTextContent('No preview yet. Scan the library first: a plan is made from the latest scan')
    expect(screen.getAllByRole('link', { name: 'Go to Connections' })[0]).toHaveAttribute('href', '/connections')
  })

  describe('running the plan', () => {
    beforeEach(() => void vi.useFakeTimers())
    afterEach(() => void vi.useRealTimers())

    it('confirms with the counts, then shows live progress (polled about once a second) until it is done, and the history', async () => {
      const answers = [
        run({ status: 'running', startedAt: '2026-11-28T10:02:01.000Z' }, { done: 10, remaining: 13, retries: 1, estimatedSecondsRemaining: 4 }),
        run({ status: 'completed', completedAt: '2026-11-28T10:02:05.000Z' }, { done: 22, failed: 1, remaining: 0 }),
      ]
      const getRun = vi.fn(async () => answers.shift() ?? Promise.reject(new Error('polled after the run ended')))
      const startRun = vi.fn(async () => run())
      const runs = vi.fn(async () => page([run({ status: 'completed' }, { done: 22, failed: 1, remaining: 0 })], 1))
      const { enforcement } = setup({ run: startRun, getRun, runs })
      await vi.advanceTimersByTimeAsync(0)

      screen.getByRole('button', { name: 'Remove 23 items from Spotify (simulated)…' }).click()
      await vi.advanceTimersByTimeAsync(0)
      const confirm = screen.getByRole('form', { name: 'Confirm removal' })
      expect(confirm).toHaveTextContent('Remove 23 items from Spotify (simulated)? You can roll this back.')
      expect(startRun).not.toHaveBeenCalled()

      within(confirm).getByRole('button', { name: 'Remove 23 items' }).click()
      await vi.advanceTimersByTimeAsync(0)
      expect(startRun).toHaveBeenCalledWith(PLAN_ID)
      const bar = screen.getByRole('progressbar', { name: 'Removing items from Spotify (simulated)' })
      expect(bar).toHaveAttribute('aria-valuetext', 'Waiting to start: 23 items to do.')
      expect(screen.queryByRole('form', { name: 'Confirm removal' })).not.toBeInTheDocument()

      await vi.advanceTimersByTimeAsync(1_000)
      expect(bar).toHaveAttribute('value', '10')
      expect(bar).toHaveAttribute('aria-valuetext', '10 of 23 done, 13 remaining, 1 call retried (about 4 seconds left).')

      await vi.advanceTimersByTimeAsync(1_000)
      expect(bar).toHaveAttribute('aria-valuetext', '22 of 23 done, 1 failed, 0 remaining.')
      expect(screen.getByTestId('run-progress')).toHaveTextContent("Removed 22 items from Spotify (simulated); 1 item could not be removed (see the run's items)")
      expect(screen.getByText(/This plan has been run/)).toBeInTheDocument()

      await vi.advanceTimersByTimeAsync(5_000)
      expect(getRun).toHaveBeenCalledTimes(2)
      expect(enforcement.runs).toHaveBeenCalledTimes(3)
      expect(within(screen.getByRole('list', { name: 'Runs' })).getByTestId('run')).toHaveTextContent('Finished 23 items: 22 done, 1 failed.')
    })

    it('refuses a stale plan with the reason and offers "Plan again"', async () => {
      const plans = [plan(), plan({ id: '5b0c1d9e-0000-4000-8000-0000000000b2' })]
      const startRun = vi.fn(async () => Promise.reject(new ApiError(409, 'CONFLICT', 'Your library or your list changed since this plan was made: re-plan before running it')))
      const { enforcement } = setup({ run: startRun, plan: vi.fn(async () => plans.shift()!) })
      await vi.advanceTimersByTimeAsync(0)

      screen.getByRole('button', { name: /^Remove 23 items from/ }).click()
      await vi.advanceTimersByTimeAsync(0)
      within(screen.getByRole('form', { name: 'Confirm removal' })).getByRole('button', { name: 'Remove 23 items' }).click()
      await vi.advanceTimersByTimeAsync(0)

      const alert = screen.getByRole('alert')
      expect(alert).toHaveTextContent('This plan is out of date, so nothing was removed. Your library or your list changed since this plan was made')
      expect(screen.queryByRole('progressbar')).not.toBeInTheDocument()

      within(alert).getByRole('button', { name: 'Plan again' }).click()
      await vi.advanceTimersByTimeAsync(0)

      expect(enforcement.plan).toHaveBeenCalledTimes(2)
      expect(screen.queryByRole('alert')).not.toBeInTheDocument()
      expect(screen.getByRole('button', { name: /^Remove 23 items from/ })).toBeEnabled()
    })

    it('keeps the confirmation open with the outage words when the server is unavailable (503)', async () => {
      setup({ run: vi.fn(async () => Promise.reject(new TemporarilyUnavailableError(503, 5))) })
      await vi.advanceTimersByTimeAsync(0)

      screen.getByRole('button', { name: /^Remove 23 items from/ }).click()
      await vi.advanceTimersByTimeAsync(0)
      const confirm = screen.getByRole('form', { name: 'Confirm removal' })
      within(confirm).getByRole('button', { name: 'Remove 23 items' }).click()
      await vi.advanceTimersByTimeAsync(0)

      expect(within(confirm).getByRole('alert')).toHaveTextContent('The server is temporarily unavailable.')
    })
  })

  describe('history and rollback', () => {
    const done = (i: number, extra: Partial<RunItem> = {}): RunItem => ({
      id: `5b0c1d9e-0000-4000-8000-00000000d00${i}`,
      kind: 'remove_saved_track',
      uri: `spotify:track:t${i}`,
      name: `Song ${i}`,
      playlistId: null,
      playlistName: null,
      positions: [],
      addedAt: '2025-01-02T03:04:05.000Z',
      status: 'done',
      note: null,
      error: null,
      completedAt: '2026-11-28T10:02:03.000Z',
      ...extra,
    })
    const finished = run({ status: 'completed', completedAt: '2026-11-28T10:02:05.000Z' }, { total: 3, done: 2, failed: 1, remaining: 0 })
    const items = [done(1), done(2, { kind: 'remove_playlist_item', playlistId: 'pl-road', playlistName: 'Road trip', positions: [3], addedAt: null }), done(3, { status: 'failed', error: 'The provider refused this item' })]
    const preview: RollbackPreview = {
      runId: RUN_ID,
      restorable: 1,
      issues: [{ itemId: items[0]!.id, kind: 'remove_saved_track', uri: 'spotify:track:t1', name: 'Song 1', issue: 'added_date', reason: 'Spotify sets the date it is saved again' }],
      issueCount: 1,
    }

    it('lists runs with status and counts; a run opens to its items; a rollback of chosen items is previewed, then confirmed, and followed', async () => {
      vi.useFakeTimers()
      try {
        const rollbackRun = run({ id: '5b0c1d9e-0000-4000-8000-0000000000c2', kind: 'rollback', rollbackOf: RUN_ID, status: 'queued' }, { total: 1, remaining: 1 })
        const previewRollback = vi.fn(async () => preview)
        const rollback = vi.fn(async () => rollbackRun)
        const getRun = vi.fn(async () => ({ ...rollbackRun, status: 'completed' as const, progress: { ...rollbackRun.progress, done: 1, remaining: 0 } }))
        setup({ runs: vi.fn(async () => page([finished], 1)), runItems: vi.fn(async () => page(items, 3)), previewRollback, rollback, getRun })
        await vi.advanceTimersByTimeAsync(0)

        const history = screen.getByRole('list', { name: 'Runs' })
        const row = within(history).getByTestId('run')
        expect(row).toHaveTextContent('Removal of')
        expect(row).toHaveTextContent('Finished 3 items: 2 done, 1 failed.')
        within(row).getByRole('button', { name: 'Items and rollback' }).click()
        await vi.advanceTimersByTimeAsync(0)

        const list = within(row).getByRole('list', { name: 'Items of this run' })
        expect(list).toHaveTextContent('Song 2 Done Remove from playlist: “Road trip”, position 4')
        expect(list).toHaveTextContent(/Song 3 Failed Remove saved track · added .* The provider refused this item/)
        expect(within(list).queryByRole('checkbox', { name: 'Choose Song 3 to put back' })).not.toBeInTheDocument()

        within(list).getByRole('checkbox', { name: 'Choose Song 1 to put back' }).click()
        await vi.advanceTimersByTimeAsync(0)
        within(row).getByRole('button', { name: 'Roll back 1 chosen item…' }).click()
        await vi.advanceTimersByTimeAsync(0)

        expect(previewRollback).toHaveBeenCalledWith(RUN_ID, [items[0]!.id])
        const confirm = within(row).getByRole('form', { name: 'Confirm rollback' })
        expect(confirm).toHaveTextContent('Put back 1 item in Spotify (simulated) (the ones you chose)?')
        expect(within(confirm).getByRole('list', { name: 'What cannot be restored exactly' })).toHaveTextContent(
          'Song 1: Comes back with today as its "added" date (Spotify sets the date it is saved again)',
        )
        expect(rollback).not.toHaveBeenCalled()

        within(confirm).getByRole('button', { name: 'Put back 1 item' }).click()
        await vi.advanceTimersByTimeAsync(0)
        expect(rollback).toHaveBeenCalledWith(RUN_ID, [items[0]!.id])
        expect(screen.getByRole('progressbar', { name: 'Putting items back in Spotify (simulated)' })).toHaveAttribute('aria-valuetext', 'Waiting to start: 1 item to do.')

        await vi.advanceTimersByTimeAsync(1_000)
        expect(screen.getByTestId('run-progress')).toHaveTextContent('Put back 1 item.')
      } finally {
        vi.useRealTimers()
      }
    })

    it('rolls back a whole run after its preview, and can cancel', async () => {
      const previewRollback = vi.fn(async () => ({ ...preview, restorable: 2 }))
      setup({ runs: vi.fn(async () => page([finished], 1)), runItems: vi.fn(async () => page(items, 3)), previewRollback })
      await user().click(await screen.findByRole('button', { name: 'Items and rollback' }))
      await user().click(await screen.findByRole('button', { name: 'Roll back this run…' }))

      expect(previewRollback).toHaveBeenCalledWith(RUN_ID, undefined)
      expect(screen.getByRole('form', { name: 'Confirm rollback' })).toHaveTextContent('Put back 2 items in Spotify (simulated)? Playlist items go back to their original positions.')

      await user().click(screen.getByRole('button', { name: 'Cancel' }))
      expect(screen.queryByRole('form', { name: 'Confirm rollback' })).not.toBeInTheDocument()
      expect(screen.getByRole('button', { name: 'Roll back this run…' })).toBeInTheDocument()
    })
  })

  describe('keep it enforced', () => {
    it('is a switch per account, off by default, explained; turning it on saves it', async () => {
      const setKeepEnforced = vi.fn(async (_id: string, enabled: boolean) => keepSetting(enabled))
      setup({ setKeepEnforced })
      const toggle = await screen.findByRole('switch', { name: 'Keep this account enforced' })
      expect(toggle).not.toBeChecked()
      expect(toggle).toHaveAccessibleDescription(/When your list changes, remove what the change adds, from your latest scan, using your options; each automatic run is listed below/)
      expect(toggle).toHaveAccessibleDescription(/At most 200 automatic removals a day/)

      await user().click(toggle)
      expect(setKeepEnforced).toHaveBeenCalledWith(CONNECTION_ID, true)
      expect(screen.getByRole('switch', { name: 'Keep this account enforced' })).toBeChecked()
    })

    it('shows the saved state again when turning it on fails, and says why', async () => {
      const setKeepEnforced = vi.fn(async () => Promise.reject(new ApiError(404, 'NOT_FOUND', 'No such connection')))
      setup({ setKeepEnforced })
      await user().click(await screen.findByRole('switch', { name: 'Keep this account enforced' }))
      expect(await screen.findByRole('alert')).toHaveTextContent("Couldn't change it: No such connection")
      expect(screen.getByRole('switch', { name: 'Keep this account enforced' })).not.toBeChecked()
    })

    it('marks automatic runs in the history with what triggered them', async () => {
      const automatic = run({ status: 'completed', automatic: true, trigger: 'Drake added to your list', completedAt: '2026-11-28T10:03:00.000Z' }, { done: 23, remaining: 0 })
      const manual = run({ id: '5b0c1d9e-0000-4000-8000-0000000000c2', status: 'completed', completedAt: '2026-11-28T09:03:00.000Z' }, { done: 23, remaining: 0 })
      setup({ runs: vi.fn(async () => page([automatic, manual], 2)), keepEnforced: vi.fn(async () => keepSetting(true)) })
      const rows = await within(await screen.findByRole('list', { name: 'Runs' })).findAllByTestId('run')
      expect(rows[0]).toHaveTextContent('Automatic removal of')
      expect(rows[0]).toHaveTextContent('Automatic')
      expect(within(rows[0]!).getByTestId('run-trigger')).toHaveTextContent('Kept enforced: Drake added to your list.')
      expect(rows[1]).not.toHaveTextContent('Automatic')
      expect(within(rows[1]!).queryByTestId('run-trigger')).not.toBeInTheDocument()
      expect(screen.getByRole('switch', { name: 'Keep this account enforced' })).toBeChecked()
    })
  })
})
