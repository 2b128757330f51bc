import { randomBytes } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { Config } from './config.ts'
import type { Db } from './db/database.ts'
import { profileService } from './features/account/profile.ts'
import { accountService } from './features/account/service.ts'
import { activityService } from './features/activity/service.ts'
import type { ArtistProviders } from './features/artists/providers.ts'
import { artistCatalog } from './features/artists/service.ts'
import { authRateLimits } from './features/auth/rate-limits.ts'
import { authService } from './features/auth/service.ts'
import { accessTokens } from './features/auth/tokens.ts'
import { importConcurrency } from './features/blocklist/import-concurrency.ts'
import { importService } from './features/blocklist/import-service.ts'
import { blocklistService } from './features/blocklist/service.ts'
import { communityServices } from './features/community/services.ts'
import { healthService } from './features/health/service.ts'
import { sessionService } from './features/sessions/service.ts'
import { connectionProviders } from './features/connections/providers.ts'
import { callbackUrlFor, createConnectionsService } from './features/connections/service.ts'
import { createTokenRefresher } from './features/connections/token-refresher.ts'
import { createTokenVault } from './features/connections/token-vault.ts'
import { enforcementExecutor } from './features/enforcement/executor.ts'
import { keepEnforcedService, type KeepEnforcedService } from './features/enforcement/keep-enforced.ts'
import { runService } from './features/enforcement/runs.ts'
import { planService } from './features/enforcement/service.ts'
import { libraryScanner } from './features/library/scanner.ts'
import { libraryService } from './features/library/service.ts'
import type { JobRunner } from './jobs/runner.ts'
import type { Store } from './store/store.ts'

export interface ServiceDeps {
  db: Db
  store: Store
  config: Pick<Config, 'jwtSecret' | 'accessTokenTtlSeconds' | 'refreshTokenTtlSeconds' | 'rateLimits' | 'connections'>
  clock: () => Date
  providers: ArtistProviders
  jobs: JobRunner
  log: FastifyBaseLogger
}

/** Streaming connections, their libraries and enforcement; the scanner and the executor are what the workers run. */
function connectionServices({ db, config, clock, jobs, log }: ServiceDeps) {
  const keys = config.connections.tokenEncryptionKeys
  const providers = connectionProviders(config.connections)
  // Without configured keys no provider is offered, so nothing is ever sealed with this throwaway key.
  const vault = createTokenVault(keys ?? [{ id: 'unconfigured', key: randomBytes(32) }])
  const refresher = createTokenRefresher({ db, vault, providers, clock })
  const library = libraryService({
    db, jobs, clock,
    onEnqueueFailed: (scanId, error) => log.warn({ scanId, reason: error instanceof Error ? error.message : String(error) }, 'scan not queued yet; the sweep will queue it'),
  })
  const plans = planService({ db, clock })
  const runs = runService({
    db, jobs, clock, plans, providers, tokenSource: refresher.tokenSource,
    onEnqueueFailed: (runId, error) => log.warn({ runId, reason: error instanceof Error ? error.message : String(error) }, 'run not queued yet; the sweep will queue it'),
  })
  const keepEnforced = keepEnforcedService({
    db, jobs, clock, plans, runs, startScan: library.startScan,
    onEnqueueFailed: (connectionId, error) => log.warn({ connectionId, reason: error instanceof Error ? error.message : String(error) }, 'keep-enforced job not queued yet; the sweep will queue it'),
  })
  return {
    connectionProviders: providers,
    connections: createConnectionsService({ db, vault, providers, clock, callbackUrl: callbackUrlFor(config.connections.appUrl), latestScans: library.latestScans }),
    library,
    scanner: libraryScanner({ db, providers, tokenSource: refresher.tokenSource, clock }),
    enforcement: { plans, runs, keepEnforced },
    executor: enforcementExecutor({ db, providers, tokenSource: refresher.tokenSource, clock }),
  }
}

/**
 * Calls `changed(userId)` after a method that changes the listener's effective list has returned,
 * that is after its transaction committed (never inside it); a failure there is logged, not the caller's.
 */
function afterListChange<A extends unknown[], R>(method: (userId: string, ...rest: A) => Promise<R>, keep: KeepEnforcedService, log: FastifyBaseLogger) {
  return async (userId: string, ...rest: A): Promise<R> => {
    const result = await method(userId, ...rest)
    keep.listChanged(userId).catch((error: unknown) => log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'keep-enforced: could not note a list change'))
    return result
  }
}

/**
 * Every service of the API, built in one place from the app's dependencies. Route plugins are
 * handed these services and nothing else: no route sees the database or the store.
 */
export function buildServices(deps: ServiceDeps) {
  const { db, store, config, clock, providers, log } = deps
  const tokens = accessTokens(config.jwtSecret, config.accessTokenTtlSeconds, clock)
  const catalog = artistCatalog(db, providers, log)
  const connected = connectionServices(deps)
  const keep = connected.enforcement.keepEnforced
  const blocklist = blocklistService(db, catalog, clock)
  const imports = importService(db, clock, importConcurrency(store, config.rateLimits.importsInFlightPerUser))
  const community = communityServices({ db, catalog, clock })
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
    sessions: sessionService({ db, clock }),
    catalog,
    // The changes of a listener's effective list tell keep-enforced, after they commit (a removal too:
    // the artist leaves the enforced set, so adding it again later removes its items again).
    blocklist: { ...blocklist, add: afterListChange(blocklist.add, keep, log), remove: afterListChange(blocklist.remove, keep, log) },
    imports: { ...imports, confirm: afterListChange(imports.confirm, keep, log) },
    community: {
      ...community,
      subscriptions: {
        ...community.subscriptions,
        subscribe: afterListChange(community.subscriptions.subscribe, keep, log),
        accept: afterListChange(community.subscriptions.accept, keep, log),
        unsubscribe: afterListChange(community.subscriptions.unsubscribe, keep, log),
      },
    },
    activity: activityService(db),
    account: accountService(db, clock),
    profile: profileService(db, clock),
    ...connected,
  }
}

export type Services = ReturnType<typeof buildServices>
