import { transaction, type SqlClient } from '../db/client.ts'
import { DevenvError } from '../lib/errors.ts'
import { seedArtists, type Tally } from './artists.ts'
import { seedBlocks } from './blocks.ts'
import { validateSeedData, type SeedData } from './data.ts'
import { seedLists, seedSubscriptions } from './lists.ts'
import { seedUsers } from './users.ts'

export interface SeedSummary {
  artists: Tally
  users: Tally
  blocks: Tally
  lists: Tally
  subscriptions: Tally
}

const tally = (): Tally => ({ created: 0, existing: 0 })

async function assertMigrated(db: SqlClient) {
  const { rows } = await db.query<{ name: string | null }>(`select to_regclass('public.community_list_subscriptions')::text as name`)
  if (!rows[0]?.name) throw new DevenvError(`the schema on ${db.describe} is missing tables`, 'run the migrations first: devenv migrate (or npm run migrate)')
}

/**
 * Loads the development data in one transaction. Idempotent: what exists is kept, what is
 * missing is added, so running it again changes nothing.
 */
export async function seed(db: SqlClient, data: SeedData): Promise<SeedSummary> {
  const problems = validateSeedData(data)
  if (problems.length) throw new DevenvError(`the seed data is invalid:\n  ${problems.join('\n  ')}`)
  await assertMigrated(db)
  const summary: SeedSummary = { artists: tally(), users: tally(), blocks: tally(), lists: tally(), subscriptions: tally() }
  await transaction(db, async () => {
    const { fixtures } = data
    const artists = await seedArtists(db, data.artists, summary.artists)
    const users = await seedUsers(db, fixtures.users, fixtures.password, summary.users)
    await seedBlocks(db, fixtures.blocks, users, artists, summary.blocks)
    const lists = await seedLists(db, fixtures.lists, users, artists, summary.lists)
    await seedSubscriptions(db, fixtures.subscriptions, users, lists, summary.subscriptions)
  })
  return summary
}
