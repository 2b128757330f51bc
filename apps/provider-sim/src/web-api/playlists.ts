import type { FastifyInstance, FastifyRequest } from 'fastify'
import { authed, type SimContext } from '../context.ts'
import { WebApiError } from '../errors.ts'
import type { SimPlaylist, SimUser } from '../model.ts'
import { snapshotId } from '../snapshot.ts'
import { requireScope } from './guard.ts'
import { baseUrl, offsetPage, pageParams } from './paging.ts'
import { renderPlaylist, renderPlaylistEntry } from './render.ts'

// The user's playlists and their items. Items are readable and editable only by the owner and the
// collaborators of a collaborative playlist (Spotify development mode, 2026); others answer 403.

type Query = Record<string, string | undefined>
export const playlistItemLimit = 100
const trackUri = /^spotify:track:([0-9A-Za-z]{22})$/

const canEdit = (playlist: SimPlaylist, user: SimUser) => playlist.ownerId === user.id || (playlist.collaborative && playlist.collaborators.includes(user.id))

function findPlaylist(ctx: SimContext, id: string): SimPlaylist {
  const playlist = ctx.state.playlists.get(id)
  if (!playlist) throw new WebApiError(404, 'Resource not found')
  return playlist
}

function requireModifyScope(request: FastifyRequest, playlist: SimPlaylist) {
  requireScope(request, playlist.public ? 'playlist-modify-public' : 'playlist-modify-private')
}

function trackIds(ctx: SimContext, uris: unknown[]): string[] {
  return uris.map((uri) => {
    const match = typeof uri === 'string' ? trackUri.exec(uri) : null
    if (!match) throw new WebApiError(400, `Invalid track uri: ${String(uri)}`)
    if (!ctx.state.catalog.tracks.has(match[1]!)) throw new WebApiError(400, 'Payload contains a non-existing ID')
    return match[1]!
  })
}

function newSnapshot(playlist: SimPlaylist): string {
  const id = snapshotId(playlist.id, playlist.snapshots.length + 1)
  playlist.snapshots.push(id)
  return id
}

export function playlistRoutes(app: FastifyInstance, ctx: SimContext) {
  app.get('/v1/me/playlists', async (request) => {
    const { user } = authed(request)
    const scopes = request.sim.token!.scopes
    // Private playlists need playlist-read-private, collaborative ones playlist-read-collaborative.
    const visible = user.playlistIds
      .map((id) => ctx.state.playlists.get(id))
      .filter((p): p is SimPlaylist => p !== undefined)
      .filter((p) => (p.collaborative ? scopes.includes('playlist-read-collaborative') : p.public || scopes.includes('playlist-read-private')))
    const base = baseUrl(request, ctx.options.publicUrl)
    return offsetPage(base, '/v1/me/playlists', visible, pageParams(request.query as Query), (p) => renderPlaylist(ctx.state, base, p))
  })

  app.get('/v1/playlists/:id', async (request) => {
    const { user } = authed(request)
    const playlist = findPlaylist(ctx, (request.params as { id: string }).id)
    const base = baseUrl(request, ctx.options.publicUrl)
    const summary = renderPlaylist(ctx.state, base, playlist)
    if (!canEdit(playlist, user)) return summary
    const firstPage = offsetPage(base, `/v1/playlists/${playlist.id}/items`, playlist.entries, { offset: 0, limit: 50 }, (e) => renderPlaylistEntry(ctx.state, base, e))
    return { ...summary, items: firstPage }
  })

  app.get('/v1/playlists/:id/items', async (request) => {
    const { user } = authed(request)
    const playlist = findPlaylist(ctx, (request.params as { id: string }).id)
    if (!canEdit(playlist, user)) throw new WebApiError(403, 'Forbidden')
    if (!playlist.public) requireScope(request, 'playlist-read-private', 'playlist-read-collaborative')
    const base = baseUrl(request, ctx.options.publicUrl)
    return offsetPage(base, `/v1/playlists/${playlist.id}/items`, playlist.entries, pageParams(request.query as Query), (e) => renderPlaylistEntry(ctx.state, base, e))
  })

  app.delete('/v1/playlists/:id/items', async (request) => {
    const { user } = authed(request)
    const playlist = findPlaylist(ctx, (request.params as { id: string }).id)
    if (!canEdit(playlist, user)) throw new WebApiError(403, "You cannot remove tracks from a playlist you don't own.")
    requireModifyScope(request, playlist)
    const body = (request.body ?? {}) as { items?: unknown; snapshot_id?: unknown }
    if (!Array.isArray(body.items) || body.items.length === 0) throw new WebApiError(400, 'Missing required field: items')
    if (body.items.length > playlistItemLimit) throw new WebApiError(400, `Too many items requested: at most ${playlistItemLimit}`)
    if (body.snapshot_id !== undefined && !playlist.snapshots.includes(String(body.snapshot_id))) throw new WebApiError(400, 'Invalid snapshot id')
    const ids = new Set(trackIds(ctx, body.items.map((i: { uri?: unknown } | null) => i?.uri)))
    request.sim.mutation = true
    request.sim.uris = [...ids].map((id) => `spotify:track:${id}`)
    // Every occurrence goes, as on Spotify; the snapshot changes even when nothing matched.
    playlist.entries = playlist.entries.filter((e) => !ids.has(e.trackId))
    return { snapshot_id: newSnapshot(playlist) }
  })

  app.post('/v1/playlists/:id/items', async (request, reply) => {
    const { user } = authed(request)
    const playlist = findPlaylist(ctx, (request.params as { id: string }).id)
    if (!canEdit(playlist, user)) throw new WebApiError(403, "You cannot add tracks to a playlist you don't own.")
    requireModifyScope(request, playlist)
    const q = request.query as Query
    const body = (request.body ?? {}) as { uris?: unknown; position?: unknown }
    const uris = Array.isArray(body.uris) ? body.uris : q.uris ? q.uris.split(',') : []
    if (uris.length === 0) throw new WebApiError(400, 'Missing required field: uris')
    if (uris.length > playlistItemLimit) throw new WebApiError(400, `You can add a maximum of ${playlistItemLimit} tracks per request.`)
    const rawPosition = body.position ?? (q.position === undefined ? undefined : Number(q.position))
    const position = rawPosition === undefined ? playlist.entries.length : rawPosition
    if (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position > playlist.entries.length) throw new WebApiError(400, 'Index out of bounds')
    const ids = trackIds(ctx, uris)
    request.sim.mutation = true
    request.sim.uris = ids.map((id) => `spotify:track:${id}`)
    const addedAt = new Date(ctx.clock.now()).toISOString()
    playlist.entries.splice(position, 0, ...ids.map((trackId) => ({ trackId, addedAt, addedBy: user.id })))
    return reply.code(201).send({ snapshot_id: newSnapshot(playlist) })
  })
}
