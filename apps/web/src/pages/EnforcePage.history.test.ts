import type { RollbackPreview, RunItem } from '@ndith/contracts'
import { screen, within } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../lib/api/errors.ts'
import { CONNECTION_ID, RUN_ID, page, run, keepSetting, setup, user } from '../test/enforcement-fixtures.ts'

describe('EnforcePage: history, rollback and keeping it enforced', () => {
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

