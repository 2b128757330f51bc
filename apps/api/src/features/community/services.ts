import type { Db } from '../../db/database.ts'
import type { ArtistCatalog } from '../artists/service.ts'
import { communityItemsService } from './items/service.ts'
import { communityListsService } from './lists/service.ts'
import { communityReportsService } from './reports/service.ts'
import { communitySubscriptionsService } from './subscriptions/service.ts'
import { communityVersionsService } from './versions/service.ts'

export interface CommunityDeps {
  db: Db
  catalog: ArtistCatalog
  clock: () => Date
}

/** The community feature's services, one per concern; routes receive these and nothing else. */
export function communityServices({ db, catalog, clock }: CommunityDeps) {
  return {
    lists: communityListsService(db, clock),
    items: communityItemsService(db, catalog, clock),
    versions: communityVersionsService(db, clock),
    subscriptions: communitySubscriptionsService(db, clock),
    reports: communityReportsService(db, clock),
  }
}

export type CommunityServices = ReturnType<typeof communityServices>
