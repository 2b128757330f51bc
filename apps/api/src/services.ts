import type { FastifyBaseLogger } from 'fastify'
import type { Config } from './config.ts'
import type { Db } from './db/database.ts'
import { accountService } from './features/account/service.ts'
import { activityService } from './features/activity/service.ts'
import type { ArtistProviders } from './features/artists/providers.ts'
import { artistCatalog } from './features/artists/service.ts'
import { authRateLimits } from './features/auth/rate-limits.ts'
import { authService } from './features/auth/service.ts'
import { accessTokens } from './features/auth/tokens.ts'
import { importService } from './features/blocklist/import-service.ts'
import { blocklistService } from './features/blocklist/service.ts'
import { communityServices } from './features/community/services.ts'
import { healthService } from './features/health/service.ts'
import type { Store } from './store/store.ts'

export interface ServiceDeps {
  db: Db
  store: Store
  config: Pick<Config, 'jwtSecret' | 'accessTokenTtlSeconds' | 'refreshTokenTtlSeconds' | 'rateLimits'>
  clock: () => Date
  providers: ArtistProviders
  log: FastifyBaseLogger
}

/**
 * Every service of the API, built in one place from the app's dependencies. Route plugins are
 * handed these services and nothing else: no route sees the database or the store.
 */
export function buildServices({ db, store, config, clock, providers, log }: ServiceDeps) {
  const tokens = accessTokens(config.jwtSecret, config.accessTokenTtlSeconds, clock)
  const catalog = artistCatalog(db, providers, log)
  return {
    accessTokens: tokens,
    health: healthService(db, store),
    auth: authService({
      db,
      clock,
      accessTokens: tokens,
      rateLimits: authRateLimits(store, config.rateLimits),
      refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
    }),
    catalog,
    blocklist: blocklistService(db, catalog, clock),
    imports: importService(db, clock),
    community: communityServices({ db, catalog, clock }),
    activity: activityService(db),
    account: accountService(db, clock),
  }
}

export type Services = ReturnType<typeof buildServices>
