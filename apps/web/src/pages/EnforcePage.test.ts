import type { EnforcementOptions } from '@ndith/contracts'
import { screen, within } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, TemporarilyUnavailableError } from '../lib/api/errors.ts'
import { CONNECTION_ID, PLAN_ID, DRAKE, defaults, plan, page, run, setup, user } from '../test/enforcement-fixtures.ts'

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

})

