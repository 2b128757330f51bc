import type { FastifyInstance } from 'fastify'
import type { Db } from '../../db/database.ts'
import type { ArtistCatalog } from '../artists/service.ts'
import { communityItemsService } from './items-service.ts'
import { communityListsService } from './lists-service.ts'
import { communityReportsService } from './reports-service.ts'
import { communitySubscriptionsService } from './subscriptions-service.ts'
import { communityVersionsService } from './versions-service.ts'
import { listRoutes } from './routes-lists.ts'
import { meRoutes } from './routes-me.ts'
import { subscriptionRoutes } from './routes-subscriptions.ts'
import { versionRoutes } from './routes-versions.ts'

export interface CommunityDeps {
  db: Db
  catalog: ArtistCatalog
  clock: () => Date
}

export function communityServices({ db, catalog, clock }: CommunityDeps) {
  return {
    db,
    lists: communityListsService(db, clock),
    items: communityItemsService(db, catalog, clock),
    versions: communityVersionsService(db, clock),
    subscriptions: communitySubscriptionsService(db, clock),
    reports: communityReportsService(db, clock),
  }
}

export type CommunityServices = ReturnType<typeof communityServices>

/**
 * Community lists (/community-lists/…) and the caller's own community data (/me/subscriptions,
 * /me/effective-blocklist, /me/reports). Registered inside the authenticated /api/v1 scope.
 */
export async function communityRoutes(app: FastifyInstance, opts: CommunityDeps) {
  const services = communityServices(opts)
  await app.register(listRoutes, services)
  await app.register(versionRoutes, services)
  await app.register(subscriptionRoutes, services)
  await app.register(meRoutes, services)
}
