import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { SimContext } from '../context.ts'
import { validateFaults, type FaultConfig } from '../faults.ts'

// Test and demo controls: faults, the request log, re-seeding, a user's library as plain data, revoking a
// user's grants and moving the clock. Guarded by a bearer admin token when one is configured.

type Query = Record<string, string | undefined>

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

export function adminRoutes(app: FastifyInstance, ctx: SimContext, moveClock: (ms: number) => void) {
  app.addHook('onRequest', async (request, reply) => {
    const expected = ctx.options.adminToken
    if (!expected) return
    const given = request.headers.authorization?.replace(/^Bearer /, '') ?? ''
    if (!sameSecret(given, expected)) return reply.code(401).send({ error: { status: 401, message: 'Admin token required (Authorization: Bearer <SIM_ADMIN_TOKEN>)' } })
  })

  app.get('/admin/faults', async () => ctx.faults.current)

  app.put('/admin/faults', async (request, reply) => {
    const problems = validateFaults(request.body)
    if (problems.length > 0) return reply.code(400).send({ error: { status: 400, message: problems.join('; ') } })
    return ctx.faults.update(request.body as Partial<FaultConfig>)
  })

  app.get('/admin/requests', async (request) => {
    const q = request.query as Query
    return { requests: ctx.log.list({ method: q.method, pathPrefix: q.path, user: q.user, since: q.since && /^\d+$/.test(q.since) ? Number(q.since) : undefined }) }
  })

  app.delete('/admin/requests', async (_request, reply) => {
    ctx.log.clear()
    return reply.code(204).send()
  })

  /** Back to the seeded state (libraries, faults, rate windows, log); `{ "tokens": true }` also forgets every grant. */
  app.post('/admin/reset', async (request) => {
    const body = (request.body ?? {}) as { tokens?: boolean }
    ctx.reseed()
    if (body.tokens) ctx.grants.clear()
    return { reset: true, users: [...ctx.state.users.keys()] }
  })

  app.get('/admin/users', async () => ({
    users: [...ctx.state.users.values()].map((u) => ({
      id: u.id,
      displayName: u.displayName,
      email: u.email,
      savedTracks: u.savedTracks.length,
      savedAlbums: u.savedAlbums.length,
      followedArtists: u.followedArtists.length,
      playlists: u.playlistIds.length,
    })),
  }))

  app.get('/admin/users/:id/library', async (request, reply) => {
    const user = ctx.state.users.get((request.params as { id: string }).id)
    if (!user) return reply.code(404).send({ error: { status: 404, message: 'No such user' } })
    const { catalog, playlists } = ctx.state
    return {
      user: { id: user.id, displayName: user.displayName, email: user.email, accountId: user.accountId },
      savedTracks: user.savedTracks.map((s) => ({ uri: `spotify:track:${s.id}`, addedAt: s.addedAt, artistIds: catalog.tracks.get(s.id)?.artistIds ?? [] })),
      savedAlbums: user.savedAlbums.map((s) => ({ uri: `spotify:album:${s.id}`, addedAt: s.addedAt, artistIds: catalog.albums.get(s.id)?.artistIds ?? [] })),
      followedArtists: user.followedArtists.map((s) => ({ uri: `spotify:artist:${s.id}`, addedAt: s.addedAt, name: catalog.artists.get(s.id)?.name ?? null })),
      playlists: user.playlistIds.flatMap((id) => {
        const p = playlists.get(id)
        if (!p) return []
        const relation = p.ownerId === user.id ? 'owner' : p.collaborators.includes(user.id) ? 'collaborator' : 'follower'
        return [{ id, name: p.name, ownerId: p.ownerId, relation, collaborative: p.collaborative, public: p.public, snapshotId: p.snapshots.at(-1), items: p.entries.map((e) => ({ uri: `spotify:track:${e.trackId}`, addedAt: e.addedAt, addedBy: e.addedBy })) }]
      }),
    }
  })

  /** The user removes the app's access: refreshing answers 400 invalid_grant, access tokens 401. */
  app.post('/admin/users/:id/revoke', async (request) => ({ revokedGrants: ctx.grants.revokeUser((request.params as { id: string }).id) }))

  /** Moves the simulator's clock forward (expire tokens, empty the rate window) without waiting. */
  app.post('/admin/clock', async (request, reply) => {
    const seconds = (request.body as { advanceSeconds?: unknown } | undefined)?.advanceSeconds
    if (typeof seconds !== 'number' || seconds < 0) return reply.code(400).send({ error: { status: 400, message: 'advanceSeconds must be a number ≥ 0' } })
    moveClock(seconds * 1000)
    return { now: new Date(ctx.clock.now()).toISOString() }
  })
}
