import { describe, expect, it } from 'vitest'
import { enforceItems, idempotencyKey, rollbackItems, type DoneItem, type StoredAction } from './run-items.ts'

const limits = { libraryUrisPerCall: 40, playlistItemsPerCall: 100 }
const track = (n: number, addedAt: string | null = null): StoredAction => ({ kind: 'remove_saved_track', uri: `spotify:track:t${n}`, name: `T${n}`, matches: [], reason: 'r', addedAt })
const inPlaylist = (playlistId: string, n: number, positions: number[]): StoredAction => ({ kind: 'remove_playlist_item', uri: `spotify:track:p${n}`, name: `P${n}`, playlistId, positions, matches: [], reason: 'r' })
const chunkSizes = (items: { chunk: number }[]) => Object.values(items.reduce<Record<number, number>>((acc, i) => ({ ...acc, [i.chunk]: (acc[i.chunk] ?? 0) + 1 }), {}))
const playlists = new Map([['pA', { name: 'A', snapshotId: 'sA' }], ['pB', { name: 'B', snapshotId: 'sB' }]])

describe('cutting a run into provider calls', () => {
  it('makes ⌈n/40⌉ library calls (tracks, albums and artists together) and ⌈n/100⌉ per playlist', () => {
    const actions: StoredAction[] = [
      ...Array.from({ length: 81 }, (_, i) => track(i)),
      { kind: 'unfollow_artist', uri: 'spotify:artist:x', name: 'X', matches: [], reason: 'r' },
      ...Array.from({ length: 101 }, (_, i) => inPlaylist('pA', i, [i])),
      ...Array.from({ length: 3 }, (_, i) => inPlaylist('pB', i, [i, i + 10])),
    ]
    const items = enforceItems(actions, playlists, limits)
    expect(chunkSizes(items)).toEqual([40, 40, 2, 100, 1, 3])
    expect(new Set(items.map((i) => i.seq)).size).toBe(items.length)
    const pB = items.filter((i) => i.container === 'pB')
    expect(pB[0]!.state).toEqual({ addedAt: null, playlistId: 'pB', playlistName: 'B', positions: [0, 10], snapshotId: 'sB' })
    expect(enforceItems([], playlists, limits)).toEqual([])
  })

  it('keys each item by connection, action, container and URI', () => {
    const [item] = enforceItems([inPlaylist('pA', 1, [4])], playlists, limits)
    expect(idempotencyKey('c1', item!)).toBe('c1|remove_playlist_item|pA|spotify:track:p1')
  })
})

describe('a rollback, undoing in reverse', () => {
  const done = (id: string, action: DoneItem['action'], uri: string, state: DoneItem['state'], container = 'library'): DoneItem => ({ id, action, uri, name: id, container, state })

  it('re-saves the oldest first (so the newest ends on top) and puts playlist items back one per position, ascending, consecutive positions in one call', () => {
    const items = rollbackItems([
      done('new', 'remove_saved_track', 'spotify:track:new', { addedAt: '2024-05-01T00:00:00Z' }),
      done('old', 'remove_saved_track', 'spotify:track:old', { addedAt: '2020-01-01T00:00:00Z' }),
      done('a', 'remove_playlist_item', 'spotify:track:a', { playlistId: 'pA', positions: [2, 7] }, 'pA'),
      done('b', 'remove_playlist_item', 'spotify:track:b', { playlistId: 'pA', positions: [3] }, 'pA'),
    ], limits)
    expect(items.map((i) => [i.action, i.uri, i.container, i.chunk, i.restoresItemId])).toEqual([
      ['restore_saved_track', 'spotify:track:old', 'library', 0, 'old'],
      ['restore_saved_track', 'spotify:track:new', 'library', 0, 'new'],
      ['restore_playlist_item', 'spotify:track:a', 'pA@2', 1, 'a'],
      ['restore_playlist_item', 'spotify:track:b', 'pA@3', 1, 'b'],
      ['restore_playlist_item', 'spotify:track:a', 'pA@7', 2, 'a'],
    ])
    expect(items[4]!.state.positions).toEqual([7])
  })

  it('splits a long run of consecutive positions at the playlist limit', () => {
    const many = Array.from({ length: 150 }, (_, i) => done(`i${i}`, 'remove_playlist_item', `spotify:track:${i}`, { playlistId: 'pA', positions: [i] }, 'pA'))
    expect(chunkSizes(rollbackItems(many, limits))).toEqual([100, 50])
  })
})
