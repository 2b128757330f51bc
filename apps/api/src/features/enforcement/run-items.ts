import type { PlannedAction } from './planner-types.ts'
import type { ItemState, RunItemKind } from './tables.ts'

/**
 * How a run's items are cut into provider calls, as pure functions (tested without a provider):
 * library changes (tracks, albums and artists alike) in chunks of the provider's URI limit, playlist
 * changes per playlist in chunks of its item limit, so a run makes exactly ⌈n/40⌉ + Σ⌈nᵢ/100⌉ calls.
 */
export interface NewRunItem {
  seq: number
  chunk: number
  action: RunItemKind
  entityType: 'track' | 'album' | 'artist' | 'playlist_item'
  uri: string
  name: string
  /** 'library', or the playlist id. */
  container: string
  state: ItemState
  restoresItemId?: string
}

export interface Limits {
  libraryUrisPerCall: number
  playlistItemsPerCall: number
}

/** A plan's action as stored: the planner's, with the item's added date (what undoing it cannot keep). */
export type StoredAction = PlannedAction & { addedAt?: string | null }

const ENTITY: Record<string, NewRunItem['entityType']> = {
  remove_saved_track: 'track', remove_saved_album: 'album', unfollow_artist: 'artist', remove_playlist_item: 'playlist_item',
  restore_saved_track: 'track', restore_saved_album: 'album', refollow_artist: 'artist', restore_playlist_item: 'playlist_item',
}

export const RESTORE_OF: Record<string, RunItemKind> = {
  remove_saved_track: 'restore_saved_track',
  remove_saved_album: 'restore_saved_album',
  unfollow_artist: 'refollow_artist',
  remove_playlist_item: 'restore_playlist_item',
}

export const isPlaylistKind = (action: RunItemKind) => action === 'remove_playlist_item' || action === 'restore_playlist_item'
export const isRestoreKind = (action: RunItemKind) => action.startsWith('restore_') || action === 'refollow_artist'

/** The idempotency key: (connection, action, container, uri). */
export const idempotencyKey = (connectionId: string, item: Pick<NewRunItem, 'action' | 'container' | 'uri'>) =>
  `${connectionId}|${item.action}|${item.container}|${item.uri}`

function chunked<T>(list: readonly T[], size: number, first: number): { item: T; chunk: number }[] {
  return list.map((item, i) => ({ item, chunk: first + Math.floor(i / size) }))
}

/** An enforce run's items, from a plan's actions: library chunks first, then each playlist's. */
export function enforceItems(actions: readonly StoredAction[], playlistNames: ReadonlyMap<string, { name: string; snapshotId: string }>, limits: Limits): NewRunItem[] {
  const library = actions.filter((a) => a.kind !== 'remove_playlist_item')
  const byPlaylist = new Map<string, StoredAction[]>()
  for (const a of actions) if (a.kind === 'remove_playlist_item') byPlaylist.set(a.playlistId!, [...(byPlaylist.get(a.playlistId!) ?? []), a])

  const out: NewRunItem[] = []
  let chunk = 0
  const push = (list: { item: StoredAction; chunk: number }[]) => {
    for (const { item: a, chunk: c } of list) {
      const playlist = a.playlistId ? playlistNames.get(a.playlistId) : undefined
      out.push({
        seq: out.length, chunk: c, action: a.kind, entityType: ENTITY[a.kind]!, uri: a.uri, name: a.name,
        container: a.playlistId ?? 'library',
        state: {
          addedAt: a.addedAt ?? null,
          ...(a.playlistId ? { playlistId: a.playlistId, playlistName: playlist?.name ?? a.playlistId, positions: a.positions ?? [], snapshotId: playlist?.snapshotId ?? '' } : {}),
        },
      })
    }
    chunk = out.length ? out.at(-1)!.chunk + 1 : chunk
  }
  push(chunked(library, limits.libraryUrisPerCall, chunk))
  for (const list of byPlaylist.values()) push(chunked(list, limits.playlistItemsPerCall, chunk))
  return out
}

/** An executed enforce item, as a rollback reads it. */
export interface DoneItem {
  id: string
  action: RunItemKind
  uri: string
  name: string
  container: string
  state: ItemState
}

/**
 * A rollback's items, undoing `done` in reverse: library items oldest-added first (each re-save
 * lands on top, so the newest ends on top again), playlist items one per original position,
 * ascending, in runs of consecutive positions (one insert call each: every earlier position is
 * back in place before a later one goes in, so each lands where it was).
 */
export function rollbackItems(done: readonly DoneItem[], limits: Limits): NewRunItem[] {
  const library = done.filter((d) => !isPlaylistKind(d.action))
    .map((d, index) => ({ d, index }))
    .sort((a, b) => (a.d.state.addedAt ?? '').localeCompare(b.d.state.addedAt ?? '') || b.index - a.index)
    .map(({ d }) => d)
  const out: NewRunItem[] = []
  const toItem = (d: DoneItem, chunk: number, container: string, state: ItemState): NewRunItem => ({
    seq: out.length, chunk, action: RESTORE_OF[d.action]!, entityType: ENTITY[d.action]!, uri: d.uri, name: d.name, container, state, restoresItemId: d.id,
  })
  for (const { item, chunk } of chunked(library, limits.libraryUrisPerCall, 0)) out.push(toItem(item, chunk, 'library', { addedAt: item.state.addedAt ?? null }))

  const byPlaylist = new Map<string, { d: DoneItem; position: number }[]>()
  for (const d of done) {
    if (!isPlaylistKind(d.action)) continue
    const list = byPlaylist.get(d.container) ?? []
    for (const position of d.state.positions ?? []) list.push({ d, position })
    byPlaylist.set(d.container, list)
  }
  let chunk = out.length ? out.at(-1)!.chunk + 1 : 0
  for (const [playlistId, list] of byPlaylist) {
    list.sort((a, b) => a.position - b.position)
    let start = -1
    let size = 0
    for (const { d, position } of list) {
      const contiguous = size > 0 && position === start + size && size < limits.playlistItemsPerCall
      if (!contiguous) {
        if (size > 0) chunk++
        start = position
        size = 0
      }
      size++
      out.push(toItem(d, chunk, `${playlistId}@${position}`, { playlistId, playlistName: d.state.playlistName ?? playlistId, positions: [position], addedAt: d.state.addedAt ?? null }))
    }
    if (size > 0) chunk++
  }
  return out
}
