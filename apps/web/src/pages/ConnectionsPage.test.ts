import type { Connection, ConnectionLibrary, ConnectionsOverview, LibraryScan, LibrarySummary } from '@ndith/contracts'
import { screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ConnectionsApi } from '../lib/api/connections-api.ts'
import { ApiError, ServerUnreachableError } from '../lib/api/errors.ts'
import { router } from '../lib/router.svelte.ts'
import { fakeApis, renderWithApis } from '../test/fake-apis.ts'
import ConnectionsPage from './ConnectionsPage.svelte'

const scan = (extra: Partial<LibraryScan> = {}): LibraryScan => ({
  id: '5b0c1d9e-0000-4000-8000-000000000001',
  status: 'completed',
  phase: null,
  pagesDone: 0,
  itemsFound: 0,
  retries: 0,
  error: null,
  createdAt: '2026-11-28T10:00:00.000Z',
  startedAt: '2026-11-28T10:00:01.000Z',
  completedAt: null,
  ...extra,
})

const alice = (extra: Partial<Connection> = {}): Connection => ({
  id: '5b0c1d9e-0000-4000-8000-0000000000a1',
  provider: 'spotify_simulated',
  accountId: 'alice',
  displayName: 'Alice Example',
  scopes: ['user-library-read'],
  status: 'active',
  lastError: null,
  lastScannedAt: null,
  connectedAt: '2026-11-28T09:00:00.000Z',
  scan: null,
  ...extra,
})

const summary: LibrarySummary = {
  scannedAt: '2026-11-28T10:00:05.000Z',
  savedTracks: { total: 2000, blocked: 137 },
  savedAlbums: { total: 60, blocked: 4 },
  followedArtists: { total: 80, blocked: 0 },
  playlistItems: { total: 1210, blocked: 31 },
  playlists: { total: 30, editable: 25 },
}

const overview = (...connections: Connection[]): ConnectionsOverview => ({ available: ['spotify_simulated'], connections })

function renderPage(api: Partial<ConnectionsApi>) {
  const leave = vi.fn()
  renderWithApis(ConnectionsPage, { leave }, fakeApis({ connections: api }))
  return { leave }
}

afterEach(() => router.navigate('/connections', { replace: true }))

describe('ConnectionsPage', () => {
  it('with nothing connected, offers each available provider and shows every service in the capability table', async () => {
    const start = vi.fn(async () => ({ authorizeUrl: 'http://127.0.0.1:4000/authorize?client_id=ndith-dev', expiresAt: '2026-11-28T10:10:00.000Z' }))
    const { leave } = renderPage({ overview: vi.fn(async () => overview()), start })

    expect(await screen.findByText('No accounts connected')).toBeInTheDocument()
    const table = screen.getByRole('table')
    for (const service of ['Spotify', 'Apple Music', 'TIDAL', 'YouTube Music', 'Deezer']) {
      expect(within(table).getByRole('columnheader', { name: service })).toBeInTheDocument()
    }
    expect(within(table).getByRole('row', { name: /On this site/ })).toHaveTextContent('Spotify (simulated): can be connected')
    expect(screen.getByText(/nothing changes in your\s+streaming account until you confirm/)).toBeInTheDocument()

    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Connect Spotify (simulated)' }))

    expect(start).toHaveBeenCalledWith('spotify_simulated')
    expect(leave).toHaveBeenCalledWith('http://127.0.0.1:4000/authorize?client_id=ndith-dev')
  })

  it('shows a connected account with its library summary: counts per kind and how many involve artists on the list', async () => {
    const connection = alice({ lastScannedAt: summary.scannedAt, scan: scan({ completedAt: summary.scannedAt }) })
    const library = vi.fn(async (): Promise<ConnectionLibrary> => ({ scan: connection.scan, summary }))
    renderPage({ overview: vi.fn(async () => overview(connection)), library })

    const card = await screen.findByRole('article', { name: 'Spotify (simulated)' })
    expect(card).toHaveTextContent('Alice Example')
    expect(card).toHaveTextContent('account alice')
    const librarySummary = await within(card).findByRole('region', { name: 'Your library' })
    expect(within(librarySummary).getByText('Liked songs').parentElement).toHaveTextContent('Liked songs 2,000 137 involve artists on your list')
    expect(within(librarySummary).getByText('Followed artists').parentElement).toHaveTextContent('Followed artists 80 none involve artists on your list')
    expect(librarySummary).toHaveTextContent('172 items credit an artist on your Do-Not-Play list')
    expect(within(librarySummary).getByRole('link', { name: 'Review My list' })).toHaveAttribute('href', '/my-list')
    expect(within(card).getByRole('button', { name: 'Scan again' })).toBeInTheDocument()
    expect(within(card).getByRole('link', { name: 'Preview enforcement for Spotify (simulated)' })).toHaveAttribute('href', `/connections/${connection.id}/enforce`)
    expect(screen.queryByRole('button', { name: 'Connect Spotify (simulated)' })).not.toBeInTheDocument()
    expect(library).toHaveBeenCalledWith(connection.id, expect.any(AbortSignal))
  })

  describe('while a scan runs', () => {
    beforeEach(() => void vi.useFakeTimers())
    afterEach(() => void vi.useRealTimers())

    it('shows live progress, polling about once a second, and the summary when it completes; then polling stops', async () => {
      const answers: ConnectionLibrary[] = [
        { scan: null, summary: null },
        { scan: scan({ status: 'running', phase: 'saved_tracks', pagesDone: 3, itemsFound: 150 }), summary: null },
        { scan: scan({ status: 'running', phase: 'playlist_items', pagesDone: 48, itemsFound: 2300, retries: 2 }), summary: null },
        { scan: scan({ status: 'completed', pagesDone: 70, itemsFound: 3350, completedAt: summary.scannedAt }), summary },
      ]
      const library = vi.fn(async () => answers.shift() ?? Promise.reject(new Error('polled after the scan ended')))
      const startScan = vi.fn(async () => scan({ status: 'queued' }))
      renderPage({ overview: vi.fn(async () => overview(alice())), library, scan: startScan })
      await vi.advanceTimersByTimeAsync(0)
      const card = screen.getByRole('article', { name: 'Spotify (simulated)' })
      expect(card).toHaveTextContent('Not scanned yet')

      screen.getByRole('button', { name: 'Scan library' }).click()
      await vi.advanceTimersByTimeAsync(0)

      expect(startScan).toHaveBeenCalledWith(alice().id)
      const bar = screen.getByRole('progressbar', { name: 'Scanning your library' })
      expect(bar).toHaveAttribute('aria-valuetext', 'Waiting to start…')
      expect(bar).not.toHaveAttribute('value')
      expect(screen.queryByRole('button', { name: 'Scan library' })).not.toBeInTheDocument()

      await vi.advanceTimersByTimeAsync(1_000)
      expect(library).toHaveBeenCalledTimes(2)
      expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuetext', 'Reading liked songs (step 1 of 5): 3 pages read, 150 items found.')

      await vi.advanceTimersByTimeAsync(1_000)
      expect(screen.getByRole('progressbar')).toHaveAttribute('value', '4.5')
      expect(card).toHaveTextContent('Reading the songs in your playlists (step 5 of 5): 48 pages read, 2,300 items found, 2 pages read again after rate limits.')

      await vi.advanceTimersByTimeAsync(1_000)
      expect(screen.queryByRole('progressbar')).not.toBeInTheDocument()
      expect(within(card).getByRole('region', { name: 'Your library' })).toHaveTextContent('2,000')

      await vi.advanceTimersByTimeAsync(5_000)
      expect(library).toHaveBeenCalledTimes(4)
    })

    it('shows a lost connection to the server while polling with the banner, and Retry resumes following the scan', async () => {
      const running = { scan: scan({ status: 'running', phase: 'saved_tracks', pagesDone: 5, itemsFound: 250 }), summary: null }
      const answers: (ConnectionLibrary | Error)[] = [running, new ServerUnreachableError(), { scan: scan({ status: 'completed' }), summary }]
      const library = vi.fn(async () => {
        const next = answers.shift()
        if (!next || next instanceof Error) throw next ?? new Error('polled after the scan ended')
        return next
      })
      const overviewApi = vi.fn(async () => overview(alice({ scan: running.scan })))
      renderPage({ overview: overviewApi, library })
      await vi.advanceTimersByTimeAsync(1_000)

      expect(screen.getByRole('alert')).toHaveTextContent("Can't reach the server.")
      expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuetext', expect.stringContaining('5 pages read'))
      await vi.advanceTimersByTimeAsync(5_000)
      expect(library).toHaveBeenCalledTimes(2)

      screen.getByRole('button', { name: 'Retry' }).click()
      await vi.advanceTimersByTimeAsync(0)

      expect(screen.queryByRole('alert')).not.toBeInTheDocument()
      expect(screen.getByRole('region', { name: 'Your library' })).toHaveTextContent('2,000')
      // The scan ended: the connection is read again, as its status may have changed with it.
      expect(overviewApi).toHaveBeenCalledTimes(2)
    })

    it('stops polling when the page goes away', async () => {
      const running = { scan: scan({ status: 'running', phase: 'saved_albums', pagesDone: 41, itemsFound: 2010 }), summary: null }
      const library = vi.fn(async () => running)
      const leave = vi.fn()
      const { unmount } = renderWithApis(ConnectionsPage, { leave }, fakeApis({ connections: { overview: vi.fn(async () => overview(alice({ scan: running.scan }))), library } }))
      await vi.advanceTimersByTimeAsync(1_000)
      expect(library).toHaveBeenCalledTimes(2)

      unmount()
      await vi.advanceTimersByTimeAsync(5_000)

      expect(library).toHaveBeenCalledTimes(2)
    })
  })

  it('says plainly when an account must be connected again, and offers only that', async () => {
    const start = vi.fn(async () => ({ authorizeUrl: 'http://127.0.0.1:4000/authorize?again=1', expiresAt: '2026-11-28T10:10:00.000Z' }))
    const connection = alice({ status: 'needs_reauth', lastError: 'invalid_grant' })
    const { leave } = renderPage({ overview: vi.fn(async () => overview(connection)), library: vi.fn(async () => ({ scan: null, summary: null })), start })

    const card = await screen.findByRole('article', { name: 'Spotify (simulated)' })
    expect(within(card).getByRole('alert')).toHaveTextContent('Spotify (simulated) no longer accepts this connection.')
    expect(card).toHaveTextContent('Needs to be connected again')
    expect(within(card).queryByRole('button', { name: /Scan/ })).not.toBeInTheDocument()

    await userEvent.setup({ delay: null }).click(within(card).getByRole('button', { name: 'Connect again' }))

    expect(start).toHaveBeenCalledWith('spotify_simulated')
    expect(leave).toHaveBeenCalledWith('http://127.0.0.1:4000/authorize?again=1')
  })

  it('shows a failed scan start (the account must be connected again) in the scan form', async () => {
    const scanApi = vi.fn(async () => {
      throw new ApiError(409, 'CONFLICT', 'Connect Spotify (simulated) again: the grant was revoked')
    })
    renderPage({ overview: vi.fn(async () => overview(alice())), library: vi.fn(async () => ({ scan: null, summary: null })), scan: scanApi })

    await userEvent.setup({ delay: null }).click(await screen.findByRole('button', { name: 'Scan library' }))

    expect(screen.getByRole('alert')).toHaveTextContent('Connect Spotify (simulated) again: the grant was revoked')
  })

  it('tells how the return trip from the provider went, then cleans the address', async () => {
    router.navigate('/connections?connectError=The+sign-in+was+cancelled+at+the+provider', { replace: true })
    renderPage({ overview: vi.fn(async () => overview()) })

    expect(screen.getByRole('alert')).toHaveTextContent('The account was not connected. The sign-in was cancelled at the provider')
    expect(window.location.search).toBe('')
    expect(router.query.has('connectError')).toBe(false)
    expect(await screen.findByText('No accounts connected')).toBeInTheDocument()
  })

  it('confirms a new connection', async () => {
    router.navigate('/connections?connected=spotify_simulated', { replace: true })
    renderPage({ overview: vi.fn(async () => overview(alice())), library: vi.fn(async () => ({ scan: null, summary: null })) })

    expect(screen.getByText(/is connected\./).closest('[role=status]')).toHaveTextContent('Spotify (simulated) is connected. Scan your library to see what your list would affect.')
    expect(window.location.search).toBe('')
  })

  it('disconnects only after a confirmation that says the tokens are deleted and nothing changes in the streaming account', async () => {
    const disconnect = vi.fn(async () => undefined)
    const overviews = [overview(alice()), overview()]
    renderPage({ overview: vi.fn(async () => overviews.shift()!), library: vi.fn(async () => ({ scan: null, summary: null })), disconnect })
    const user = userEvent.setup({ delay: null })

    await user.click(await screen.findByRole('button', { name: 'Disconnect…' }))
    const form = screen.getByRole('form', { name: 'Disconnect Spotify (simulated)' })
    expect(form).toHaveTextContent('deletes the access this app keeps for it (its tokens)')
    expect(form).toHaveTextContent('Nothing in your Spotify (simulated) account changes')
    expect(disconnect).not.toHaveBeenCalled()

    await user.click(within(form).getByRole('button', { name: 'Disconnect' }))

    expect(disconnect).toHaveBeenCalledWith(alice().id)
    expect(await screen.findByText('No accounts connected')).toBeInTheDocument()
    expect(screen.queryByRole('article')).not.toBeInTheDocument()
  })

  it('can cancel the disconnect confirmation', async () => {
    const disconnect = vi.fn(async () => undefined)
    renderPage({ overview: vi.fn(async () => overview(alice())), library: vi.fn(async () => ({ scan: null, summary: null })), disconnect })
    const user = userEvent.setup({ delay: null })

    await user.click(await screen.findByRole('button', { name: 'Disconnect…' }))
    await user.click(screen.getByRole('button', { name: 'Cancel' }))

    expect(screen.queryByRole('form', { name: 'Disconnect Spotify (simulated)' })).not.toBeInTheDocument()
    expect(disconnect).not.toHaveBeenCalled()
  })
})
