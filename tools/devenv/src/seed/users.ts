import { hash } from '@node-rs/argon2'
import type { SqlClient } from '../db/client.ts'
import type { Tally } from './artists.ts'
import { audit } from './audit.ts'
import type { SeedUser } from './data.ts'

// The API's own parameters (apps/api/src/features/auth/passwords.ts): argon2id, m=19 MiB, t=2,
// p=1, so seeded accounts sign in through the normal login. algorithm 2 = Argon2id.
const argon2id = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

/** Creates the accounts that do not exist yet; an existing account (and its password) is left alone. */
export async function seedUsers(db: SqlClient, users: SeedUser[], password: string, tally: Tally): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  const { rows } = await db.query<{ id: string; email: string }>('select id, lower(email) as email from users where lower(email) = any($1::text[])', [
    users.map((u) => u.email.toLowerCase()),
  ])
  for (const row of rows) ids.set(row.email, row.id)
  const missing = users.filter((u) => !ids.has(u.email.toLowerCase()))
  tally.existing += users.length - missing.length
  const hashes = await Promise.all(missing.map(() => hash(password, argon2id)))
  for (const [i, user] of missing.entries()) {
    const inserted = await db.query<{ id: string }>('insert into users (email, password_hash) values ($1, $2) returning id', [user.email, hashes[i]])
    const id = inserted.rows[0]!.id
    await audit(db, { actorId: id, action: 'auth.register', subjectType: 'user', subjectId: id, after: { email: user.email } })
    ids.set(user.email.toLowerCase(), id)
    tally.created++
  }
  return ids
}
