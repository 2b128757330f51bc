import type { FastifyInstance } from 'fastify'
import { authed, type SimContext } from '../context.ts'
import { WebApiError } from '../errors.ts'
import type { Saved, SimUser } from '../model.ts'
import { requireScope } from './guard.ts'
import { baseUrl, cursorPage, offsetPage, pageParams } from './paging.ts'
import { renderFullAlbum, renderFullArtist, renderMe, renderTrack } from './render.ts'

// /me, the saved tracks and albums, followed artists, and the 2026 generic library endpoints
// (PUT/DELETE /me/library?uris=, at most 40 URIs a call).

type Query = Record<string, string | undefined>
export const libraryUriLimit = 40
const uriPattern = /^spotify:(track|album|artist|playlist):([0-9A-Za-z]{22})$/

interface ParsedUri {
  uri: string
  type: 'track' | 'album' | 'artist' | 'playlist'
  id: string
}

function parseLibraryUris(raw: string | undefined): ParsedUri[] {
  const uris = (raw ?? '').split(',').map((u) => u.trim()).filter(Boolean)
  if (uris.length === 0) throw new WebApiError(400, 'Missing required field: uris')
  if (uris.length > libraryUriLimit) throw new WebApiError(400, `Too many URIs requested: at most ${libraryUriLimit}`)
  return uris.map((uri) => {
    const match = uriPattern.exec(uri)
    if (!match) throw new WebApiError(400, `Unsupported URI: ${uri}`)
    return { uri, type: match[1] as ParsedUri['type'], id: match[2]! }
  })
}

/** Each kind of URI needs its own scope, checked for the whole call before anything changes. */
function requireScopesFor(request: Parameters<typeof requireScope>[0], uris: ParsedUri[]) {
  const types = new Set(uris.map((u) => u.type))
  if (types.has('track') || types.has('album')) requireScope(request, 'user-library-modify')
  if (types.has('artist')) requireScope(request, 'user-follow-modify')
  if (types.has('playlist')) requireScope(request, 'playlist-modify-public', 'playlist-modify-private')
}

function listFor(user: SimUser, type: ParsedUri['type']): Saved[] | null {
  return type === 'track' ? user.savedTracks : type === 'album' ? user.savedAlbums : type === 'artist' ? user.followedArtists : null
}

export function libraryRoutes(app: FastifyInstance, ctx: SimContext) {
  app.get('/v1/me', async (request) => {
    const { user } = authed(request)
    return renderMe(user, baseUrl(request, ctx.options.publicUrl), ctx.options.profileFields)
  })

  app.get('/v1/me/tracks', async (request) => {
    const { user } = authed(request)
    requireScope(request, 'user-library-read')
    const base = baseUrl(request, ctx.options.publicUrl)
    return offsetPage(base, '/v1/me/tracks', user.savedTracks, pageParams(request.query as Query), (s) => ({ added_at: s.addedAt, track: renderTrack(ctx.state.catalog, base, s.id) }))
  })

  app.get('/v1/me/albums', async (request) => {
    const { user } = authed(request)
    requireScope(request, 'user-library-read')
    const base = baseUrl(request, ctx.options.publicUrl)
    return offsetPage(base, '/v1/me/albums', user.savedAlbums, pageParams(request.query as Query), (s) => ({ added_at: s.addedAt, album: renderFullAlbum(ctx.state.catalog, base, s.id) }))
  })

  app.get('/v1/me/following', async (request) => {
    const { user } = authed(request)
    const q = request.query as Query
    if (q.type !== 'artist') throw new WebApiError(400, 'type must be artist')
    requireScope(request, 'user-follow-read')
    const { limit } = pageParams(q)
    const base = baseUrl(request, ctx.options.publicUrl)
    const ids = user.followedArtists.map((f) => f.id).sort()
    return { artists: cursorPage(base, '/v1/me/following', ids, limit, q.after, (id) => renderFullArtist(ctx.state.catalog, base, id), { type: 'artist' }) }
  })

  app.put('/v1/me/library', async (request) => {
    const { user } = authed(request)
    const uris = parseLibraryUris((request.query as Query).uris)
    requireScopesFor(request, uris)
    const { catalog, playlists } = ctx.state
    for (const { type, id } of uris) {
      const exists = type === 'track' ? catalog.tracks.has(id) : type === 'album' ? catalog.albums.has(id) : type === 'artist' ? catalog.artists.has(id) : playlists.has(id)
      if (!exists) throw new WebApiError(400, 'Payload contains a non-existing ID')
    }
    request.sim.mutation = true
    request.sim.uris = uris.map((u) => u.uri)
    const addedAt = new Date(ctx.clock.now()).toISOString()
    for (const { type, id } of uris) {
      if (type === 'playlist') {
        if (!user.playlistIds.includes(id)) user.playlistIds.unshift(id)
        continue
      }
      const list = listFor(user, type)!
      if (!list.some((s) => s.id === id)) list.unshift({ id, addedAt })
    }
    return ''
  })

  app.delete('/v1/me/library', async (request) => {
    const { user } = authed(request)
    const uris = parseLibraryUris((request.query as Query).uris)
    requireScopesFor(request, uris)
    request.sim.mutation = true
    request.sim.uris = uris.map((u) => u.uri)
    // Removing what is not saved is not an error, as on Spotify: a retried removal is harmless.
    for (const type of ['track', 'album', 'artist'] as const) {
      const ids = new Set(uris.filter((u) => u.type === type).map((u) => u.id))
      if (ids.size === 0) continue
      const keep = (list: Saved[]) => list.filter((s) => !ids.has(s.id))
      if (type === 'track') user.savedTracks = keep(user.savedTracks)
      else if (type === 'album') user.savedAlbums = keep(user.savedAlbums)
      else user.followedArtists = keep(user.followedArtists)
    }
    const playlistIds = new Set(uris.filter((u) => u.type === 'playlist').map((u) => u.id))
    if (playlistIds.size > 0) user.playlistIds = user.playlistIds.filter((id) => !playlistIds.has(id))
    return ''
  })
}
