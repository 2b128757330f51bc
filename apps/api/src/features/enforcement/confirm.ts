import { readPages, type PageReadOptions } from '../connections/paging.ts'
import type { AccessTokenSource, Page, StreamingProvider } from '../connections/provider.ts'
import { isPlaylistKind, isRestoreKind } from './run-items.ts'
import type { ItemRow } from './tables.ts'

async function uris<T>(read: (cursor: string | null) => Promise<Page<T>>, uri: (item: T) => string, options: PageReadOptions): Promise<string[]> {
  const out: string[] = []
  for await (const page of readPages(read, options)) out.push(...page.items.map(uri))
  return out
}

/**
 * Which of a chunk's items are already in effect at the provider, read back instead of repeating a
 * call whose outcome is unknown (a lost response, a worker killed mid-call). Library removals and
 * re-saves read the listings of the kinds involved; a playlist removal reads the playlist; a
 * re-insert checks that its URIs sit at its positions. Returns the ids of the items in effect.
 */
export async function confirmApplied(provider: StreamingProvider, tokens: AccessTokenSource, items: readonly ItemRow[], options: PageReadOptions): Promise<Set<string>> {
  const first = items[0]
  if (!first) return new Set()
  if (!isPlaylistKind(first.action)) {
    const present = new Set<string>()
    const kinds = new Set(items.map((i) => i.entity_type))
    const add = (list: string[]) => list.forEach((u) => present.add(u))
    if (kinds.has('track')) add(await uris((c) => provider.savedTracks(tokens, c), (t) => t.uri, options))
    if (kinds.has('album')) add(await uris((c) => provider.savedAlbums(tokens, c), (a) => a.uri, options))
    if (kinds.has('artist')) add(await uris((c) => provider.followedArtists(tokens, c), (a) => a.uri, options))
    return new Set(items.filter((i) => present.has(i.entity_id) === isRestoreKind(i.action)).map((i) => i.id))
  }
  const playlistId = first.before_state!.playlistId!
  const entries = await uris((c) => provider.playlistItems(tokens, playlistId, c), (e) => e.uri, options)
  if (first.action === 'remove_playlist_item') {
    const present = new Set(entries)
    return new Set(items.filter((i) => !present.has(i.entity_id)).map((i) => i.id))
  }
  const start = first.before_state!.positions![0]!
  const inPlace = items.every((item, k) => entries[start + k] === item.entity_id)
  return new Set(inPlace ? items.map((i) => i.id) : [])
}

/** Each playlist's snapshot id at the provider now (one listing: a call per 50 playlists). */
export async function playlistSnapshots(provider: StreamingProvider, tokens: AccessTokenSource, options: PageReadOptions): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for await (const page of readPages((c) => provider.playlists(tokens, c), options)) for (const p of page.items) out.set(p.id, p.snapshotId)
  return out
}

/** The first playlist the plan changes whose snapshot id at the provider is not the one planned on. */
export function changedPlaylist(plan: { actions: readonly { playlistId?: string | undefined }[]; playlists: readonly { id: string; name: string; snapshotId: string }[] }, now: ReadonlyMap<string, string>) {
  const touched = new Set(plan.actions.flatMap((a) => (a.playlistId ? [a.playlistId] : [])))
  return plan.playlists.find((p) => touched.has(p.id) && now.get(p.id) !== p.snapshotId)
}
