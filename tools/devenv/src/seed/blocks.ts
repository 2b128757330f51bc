import type { SqlClient } from '../db/client.ts'
import type { Tally } from './artists.ts'
import { audit } from './audit.ts'
import type { SeedBlock } from './data.ts'

/** Personal DNP entries; one already on a list is left as it is (tags and note included). */
export async function seedBlocks(db: SqlClient, blocks: SeedBlock[], users: Map<string, string>, artists: Map<string, string>, tally: Tally) {
  for (const b of blocks) {
    const userId = users.get(b.user.toLowerCase())!
    const artistId = artists.get(b.artist)!
    const { rows } = await db.query<{ id: string }>(
      `insert into user_artist_blocks (user_id, artist_id, tags, note) values ($1, $2, $3::text[], $4)
       on conflict (user_id, artist_id) do nothing returning id`,
      [userId, artistId, b.tags, b.note],
    )
    if (!rows[0]) {
      tally.existing++
      continue
    }
    await audit(db, {
      actorId: userId,
      action: 'blocklist.entry_added',
      subjectType: 'blocklist_entry',
      subjectId: rows[0].id,
      after: { artistId, artistName: b.artist, tags: b.tags, note: b.note },
    })
    tally.created++
  }
}
