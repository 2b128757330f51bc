import type { FastifyInstance } from 'fastify'
import { itemRoutes } from './items/routes.ts'
import { listRoutes } from './lists/routes.ts'
import { reportRoutes } from './reports/routes.ts'
import type { CommunityServices } from './services.ts'
import { subscriptionRoutes } from './subscriptions/routes.ts'
import { versionRoutes } from './versions/routes.ts'

/**
 * Community lists (/community-lists/…) and the caller's own community data (/me/subscriptions,
 * /me/effective-blocklist, /me/reports). Registered inside the authenticated /api/v1 scope.
 */
export async function communityRoutes(app: FastifyInstance, services: CommunityServices) {
  await app.register(listRoutes, services)
  await app.register(itemRoutes, services)
  await app.register(versionRoutes, services)
  await app.register(subscriptionRoutes, services)
  await app.register(reportRoutes, services)
}
