import { randomUUID } from 'node:crypto'
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify'
import cors from '@fastify/cors'
import { API_BASE_PATH } from '@ndith/contracts'
import type { Config } from './config.ts'
import type { Db } from './db/database.ts'
import { accountRoutes } from './features/account/routes.ts'
import { activityRoutes } from './features/activity/routes.ts'
import { artistRoutes } from './features/artists/routes.ts'
import type { ArtistProviders } from './features/artists/providers.ts'
import { communityRoutes } from './features/community/routes.ts'
import { authRoutes } from './features/auth/routes.ts'
import { blocklistRoutes } from './features/blocklist/routes.ts'
import { healthRoutes } from './features/health/routes.ts'
import { sessionRoutes } from './features/sessions/routes.ts'
import { frameworkErrors, registerErrorHandler } from './plugins/error-handler.ts'
import { authenticate } from './plugins/authenticate.ts'
import { registerOpenApi } from './plugins/openapi.ts'
import { registerMetrics } from './plugins/metrics.ts'
import { createMetrics, type AppMetrics } from './metrics/metrics.ts'
import { registerSecurityHeaders } from './plugins/security-headers.ts'
import { logEachRequest } from './plugins/request-log.ts'
import { connectionCallbackRoutes, connectionRoutes } from './features/connections/routes.ts'
import { enforcementRoutes } from './features/enforcement/routes.ts'
import { libraryRoutes } from './features/library/routes.ts'
import { inProcessRunner } from './jobs/in-process-runner.ts'
import type { JobRunner } from './jobs/runner.ts'
import { buildServices, type Services } from './services.ts'
import type { Store } from './store/store.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Every service, for the process that also runs workers (server.ts). */
    services: Services
  }
}

export type AppConfig = Pick<
  Config,
  'jwtSecret' | 'corsAllowedOrigins' | 'cookieSecure' | 'trustProxy' | 'accessTokenTtlSeconds' | 'refreshTokenTtlSeconds' | 'rateLimits' | 'connections'
>

export interface AppDeps {
  db: Db
  store: Store
  config: AppConfig
  clock?: () => Date
  /** Providers the catalog may ask about artists it does not know yet. */
  providers?: ArtistProviders
  /** A pino logger; without one the app logs nothing (tests). */
  logger?: FastifyBaseLogger
  /** Where background work goes; an in-process runner when not given (tests start its workers themselves). */
  jobs?: JobRunner
  /** Prometheus metrics for /metrics; fresh ones (loopback-only, no pool or queue figures) when not given. */
  metrics?: AppMetrics
}

const REQUEST_ID = /^[\w\-.:]{1,128}$/

/** Builds the whole HTTP app from its dependencies; no port is opened (tests use inject). */
export async function buildApp(deps: AppDeps) {
  const clock = deps.clock ?? (() => new Date())
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    trustProxy: deps.config.trustProxy,
    // Keep a caller's request id (a proxy's or a test's) when it is sane; otherwise mint one.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id']
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID()
    },
    // Unknown fields are refused (not silently dropped) and every problem is reported at once.
    ajv: { customOptions: { allErrors: true, removeAdditional: false } },
    frameworkErrors,
    // One concise line per request instead (plugins/request-log.ts).
    logController: new LogController({ disableRequestLogging: true }),
  })
  logEachRequest(app)
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id)
    done()
  })

  registerErrorHandler(app)
  registerMetrics(app, deps.metrics ?? createMetrics())
  registerSecurityHeaders(app)
  await app.register(cors, {
    origin: deps.config.corsAllowedOrigins,
    credentials: true,
    exposedHeaders: ['x-request-id', 'retry-after'],
  })
  await registerOpenApi(app)

  const services = buildServices({
    db: deps.db, store: deps.store, config: deps.config, clock, providers: deps.providers ?? {}, jobs: deps.jobs ?? inProcessRunner(), log: app.log,
  })
  app.decorate('services', services)

  await app.register(healthRoutes, { health: services.health })
  await app.register(authRoutes, {
    prefix: API_BASE_PATH,
    service: services.auth,
    accessTokens: services.accessTokens,
    cookieSecure: deps.config.cookieSecure,
    refreshTokenTtlSeconds: deps.config.refreshTokenTtlSeconds,
  })

  // Everything else under /api/v1 acts for a signed-in user, on that user's data only.
  await app.register(
    async (api) => {
      api.addHook('onRequest', authenticate(services.accessTokens, services.auth.userExists))
      api.addHook('onRoute', (route) => {
        route.schema = { ...route.schema, security: [{ bearerAuth: [] }] }
      })
      await api.register(artistRoutes, { catalog: services.catalog })
      await api.register(communityRoutes, services.community)
      await api.register(blocklistRoutes, { entries: services.blocklist, imports: services.imports })
      await api.register(activityRoutes, { activity: services.activity })
      await api.register(accountRoutes, { account: services.account, profile: services.profile })
      await api.register(sessionRoutes, { sessions: services.sessions })
      await api.register(connectionRoutes, { connections: services.connections })
      await api.register(libraryRoutes, { library: services.library })
      await api.register(enforcementRoutes, services.enforcement)
    },
    { prefix: API_BASE_PATH },
  )
  await app.register(connectionCallbackRoutes, { prefix: API_BASE_PATH, connections: services.connections, appUrl: deps.config.connections.appUrl })
  return app
}
