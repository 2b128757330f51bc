import Fastify, { LogController, type FastifyInstance } from 'fastify'
import { adminRoutes } from './admin/routes.ts'
import { GrantStore } from './accounts/grants.ts'
import { accountsRoutes } from './accounts/routes.ts'
import { systemClock, type Clock } from './clock.ts'
import type { ResolvedOptions, SimContext, SimulatorOptions } from './context.ts'
import { OAuthError, WebApiError } from './errors.ts'
import { FaultController } from './faults.ts'
import { RequestLog, recordRequest } from './request-log.ts'
import { buildState } from './seed/library.ts'
import { loseResponse, webApiGuard } from './web-api/guard.ts'
import { libraryRoutes } from './web-api/library.ts'
import { playlistRoutes } from './web-api/playlists.ts'

export type { SimulatorOptions } from './context.ts'
export type { FaultConfig } from './faults.ts'
export type { LoggedRequest } from './request-log.ts'
export { manualClock, type Clock } from './clock.ts'
export { pkceChallenge } from './accounts/grants.ts'

export interface Simulator extends FastifyInstance {
  sim: SimContext
}

function resolve(options: SimulatorOptions): ResolvedOptions {
  return {
    seed: options.seed ?? 1,
    clientIds: options.clientIds ?? ['ndith-dev'],
    redirectUris: options.redirectUris,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    authorizationCodeTtlSeconds: options.authorizationCodeTtlSeconds ?? 60,
    rotateRefreshTokens: options.rotateRefreshTokens ?? true,
    benchTracks: options.benchTracks ?? 10_000,
    adminToken: options.adminToken,
    publicUrl: options.publicUrl?.replace(/\/$/, ''),
    profileFields: options.profileFields ?? 'dev-mode',
    clock: options.clock ?? systemClock,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    logger: options.logger ?? false,
  }
}

/** The simulator as a Fastify app: `inject` it in tests, or `listen` (see server.ts). */
export async function buildSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const resolved = resolve(options)
  let clockOffset = 0
  const clock: Clock = { now: () => resolved.clock.now() + clockOffset }
  const seedState = () => buildState({ seed: resolved.seed, benchTracks: resolved.benchTracks })
  const ctx: SimContext = {
    options: resolved,
    clock,
    state: seedState(),
    grants: new GrantStore(clock, resolved.accessTokenTtlSeconds),
    faults: new FaultController(resolved.seed, options.faults),
    log: new RequestLog(),
    reseed() {
      ctx.state = seedState()
      ctx.faults.reset(options.faults)
      ctx.log.clear()
    },
  }

  // Fastify's per-request lines are off: the request log (/admin/requests) is the record of calls.
  const app = Fastify({ logger: resolved.logger, logController: new LogController({ disableRequestLogging: true }), bodyLimit: 1024 * 1024 })
  app.decorateRequest('sim', null as never)
  app.addHook('onRequest', async (request) => {
    request.sim = {}
  })
  // The accounts service takes form-encoded bodies, like accounts.spotify.com.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)))
  })

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof WebApiError) return reply.code(error.status).send(error.body())
    if (error instanceof OAuthError) return reply.code(error.status).send({ error: error.code, error_description: error.description })
    const status = (error as { statusCode?: number }).statusCode ?? 500
    if (status >= 500) request.log.error({ err: error }, 'simulator error')
    return reply.code(status).send({ error: { status, message: status >= 500 ? 'Server error' : (error as Error).message } })
  })
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: { status: 404, message: 'Service not found' } }))

  // Lost responses are decided, then every call except the admin's own and health probes is logged with what the client saw.
  app.addHook('onSend', async (request, reply, payload) => {
    const sent = loseResponse(ctx, request, reply, payload)
    recordRequest(ctx, request, reply)
    return sent
  })

  // Liveness and readiness (k8s/base/provider-sim.yaml): the process answers; its state is in memory.
  app.get('/health', async () => ({ status: 'ok' }))
  accountsRoutes(app, ctx)
  await app.register(async (v1) => {
    webApiGuard(v1, ctx)
    libraryRoutes(v1, ctx)
    playlistRoutes(v1, ctx)
  })
  await app.register(async (admin) => adminRoutes(admin, ctx, (ms) => (clockOffset += ms)))

  app.decorate('sim', ctx)
  return app as unknown as Simulator
}
