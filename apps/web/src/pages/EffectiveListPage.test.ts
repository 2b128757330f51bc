import { screen } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApis } from '../lib/api/apis.ts'
import userEvent from '@testing-library/user-event'
import { artist, fakeApis, renderWithApis } from '../test/fake-apis.ts'
import EffectiveListPage from './EffectiveListPage.svelte'

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
const unavailable = (retryAfter: string) =>
  json(503, { error: { code: 'SERVICE_UNAVAILABLE', message: 'The service is temporarily unavailable' }, requestId: 'req-1' }, { 'retry-after': retryAfter })
const onePage = json(200, { items: [{ artist: artist('Drake'), sources: [{ type: 'personal' }] }], total: 1, limit: 25, offset: 0, allTotal: 1, bySource: [{ source: { type: 'personal' }, count: 1 }] })

/** The page with the real API clients over a scripted fetch: each call takes the next answer. */
function renderWithAnswers(...answers: Response[]) {
  const fetchFn = vi.fn(async () => answers.shift() ?? Promise.reject(new TypeError('no more answers')))
  vi.stubGlobal('fetch', fetchFn)
  renderWithApis(EffectiveListPage, {}, createApis((call) => call('token-1')))
  return fetchFn
}

/** Lets fetch answers and Svelte's updates settle, moving the fake clock by `ms`. */
const wait = (ms = 0) => vi.advanceTimersByTimeAsync(ms)

describe('EffectiveListPage during an outage', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('shows a 503 as a temporary problem and recovers by itself after Retry-After, without a click', async () => {
    const fetchFn = renderWithAnswers(unavailable('3'), onePage)
    await wait()

    expect(screen.getByRole('alert')).toHaveTextContent('The server is temporarily unavailable. Trying again in 3 seconds.')
    await wait(2_900)
    expect(fetchFn).toHaveBeenCalledTimes(1)

    await wait(100)

    expect(fetchFn).toHaveBeenCalledTimes(2)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Drake' })).toBeInTheDocument()
  })

  it('keeps retrying while the API still answers 503, each time after the wait it names', async () => {
    const fetchFn = renderWithAnswers(unavailable('2'), unavailable('5'), onePage)
    await wait(2_000)

    expect(fetchFn).toHaveBeenCalledTimes(2)
    expect(screen.getByRole('alert')).toHaveTextContent('Trying again in 5 seconds.')

    await wait(5_000)

    expect(fetchFn).toHaveBeenCalledTimes(3)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('shows a 500 as a server error with its reference, and does not retry by itself', async () => {
    const fetchFn = renderWithAnswers(json(500, { error: { code: 'INTERNAL', message: 'Something went wrong on our side' }, requestId: 'req-42' }))
    await wait(60_000)

    expect(fetchFn).toHaveBeenCalledTimes(1)
    expect(screen.getByRole('alert')).toHaveTextContent("Couldn't load your effective list. Something went wrong on our side (reference req-42)")
    expect(screen.getByRole('alert')).not.toHaveTextContent('temporarily')
  })
})

describe('EffectiveListPage filters and exports', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('shows the total, filters by source (with each source’s count) and exports what is shown', async () => {
    const listId = '00000000-0000-4000-8000-00000000000a'
    const page = {
      items: [{ artist: artist('Drake'), sources: [{ type: 'personal' }] }],
      total: 1, limit: 25, offset: 0, allTotal: 3,
      bySource: [{ source: { type: 'personal' }, count: 1 }, { source: { type: 'list', listId, listName: 'Clean rap', version: 2 }, count: 2 }],
    }
    const effective = vi.fn(async () => page as never)
    const exportEffective = vi.fn(async () => ({ blob: new Blob(['x']), filename: 'effective-list.csv' }))
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    renderWithApis(EffectiveListPage, {}, fakeApis({ community: { effective, exportEffective } }))
    const user = userEvent.setup({ delay: null })

    expect(await screen.findByText('3 artists blocked in all')).toBeInTheDocument()
    await user.selectOptions(screen.getByLabelText('Source'), 'Clean rap (version 2) (2 artists)')
    await vi.waitFor(() => expect(effective).toHaveBeenLastCalledWith(expect.objectContaining({ source: listId, offset: 0 }), expect.anything()))

    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(screen.getByRole('button', { name: /Download CSV/ }))
    expect(exportEffective).toHaveBeenCalledWith('csv', listId)
  })
})
