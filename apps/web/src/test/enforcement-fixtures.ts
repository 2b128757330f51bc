// The Enforce page's tests share these: a connected account, a plan with its actions and skipped items, runs.
import type { ArtistMatch, Connection, EnforcementOptions, EnforcementPlan, EnforcementRun, KeepEnforced, PlanAction, PlanActionPage, SkippedPlanItem } from '@ndith/contracts'
import userEvent from '@testing-library/user-event'
import { vi } from 'vitest'
import type { EnforcementApi } from '../lib/api/enforcement-api.ts'
import { fakeApis, renderWithApis } from './fake-apis.ts'
import EnforcePage from '../pages/EnforcePage.svelte'

// ---- Contract-shaped answers ----

export const CONNECTION_ID = '5b0c1d9e-0000-4000-8000-0000000000a1'
export const PLAN_ID = '5b0c1d9e-0000-4000-8000-0000000000b1'
export const RUN_ID = '5b0c1d9e-0000-4000-8000-0000000000c1'
export const DRAKE = '00000000-0000-4000-8000-drake0000000'
export const FUTURE = '00000000-0000-4000-8000-future000000'

export const alice: Connection = {
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

export const defaults = (extra: Partial<EnforcementOptions> = {}): EnforcementOptions => ({
  includeFeatured: true,
  categories: { savedTracks: true, savedAlbums: true, followedArtists: true, playlistItems: true },
  exceptions: { artistIds: [], trackUris: [], playlistIds: [] },
  ...extra,
})

export const drake = (role: ArtistMatch['role'] = 'primary'): ArtistMatch => ({ artistId: DRAKE, name: 'Drake', role, sources: [{ type: 'personal' }] })

export const plan = (extra: Partial<EnforcementPlan> = {}): EnforcementPlan => ({
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
export const action = (fields: Pick<PlanAction, 'index' | 'kind' | 'category' | 'uri' | 'name'> & Partial<PlanAction>): PlanAction => ({
  playlistId: null,
  playlistName: null,
  positions: [],
  matches: [drake()],
  reason: 'Track by Drake (on your personal list)',
  ...fields,
})

export const track = (i: number) => action({ index: i, kind: 'remove_saved_track', category: 'savedTracks', uri: `spotify:track:t${i}`, name: `Song ${i}` })

export const playlistAction = action({
  index: 100, kind: 'remove_playlist_item', category: 'playlistItems', uri: 'spotify:track:p1', name: 'Jimmy Cooks',
  playlistId: 'pl-road', playlistName: 'Road trip', positions: [3, 9],
})

export const followAction = action({
  index: 200, kind: 'unfollow_artist', category: 'followedArtists', uri: 'spotify:artist:drake', name: 'Drake',
  reason: 'You follow Drake (on your personal list)',
})

export const skippedItems: SkippedPlanItem[] = [
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

export const page = <T>(items: T[], total: number, offset = 0) => ({ items, total, limit: 20, offset })

export function actionsApi(): EnforcementApi['actions'] {
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

export const run = (extra: Partial<EnforcementRun> = {}, progress: Partial<EnforcementRun['progress']> = {}): EnforcementRun => ({
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

export const keepSetting = (enabled: boolean): KeepEnforced => ({ connectionId: CONNECTION_ID, enabled, dailyLimit: 200, updatedAt: null })

export function setup(api: Partial<EnforcementApi> = {}) {
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

export const user = () => userEvent.setup({ delay: null })
