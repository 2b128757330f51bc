import { readFileSync } from 'node:fs'
import path from 'node:path'
import { devenvRoot } from '../lib/paths.ts'

/** One catalog entry. Provider IDs are the artists' real public IDs, or null when not known for certain. */
export interface SeedArtist {
  name: string
  aliases: string[]
  genres: string[]
  spotifyId: string | null
  musicbrainzId: string | null
}

export interface SeedUser {
  email: string
  /** What the account is for, shown in docs and the seed summary. */
  role: string
}

export interface SeedBlock {
  user: string
  artist: string
  tags: string[]
  note: string | null
}

export interface SeedListItem {
  artist: string
  rationale: string
  evidenceUrl: string | null
}

export interface SeedList {
  owner: string
  name: string
  description: string
  criteria: string
  updateCadence: 'ad_hoc' | 'weekly' | 'monthly' | 'quarterly'
  visibility: 'public' | 'unlisted' | 'private'
  items: SeedListItem[]
}

export interface SeedFixtures {
  /** Every seeded account signs in with this password (documented in docs/dev-environment.md). */
  password: string
  users: SeedUser[]
  blocks: SeedBlock[]
  lists: SeedList[]
  subscriptions: { user: string; list: string }[]
}

export interface SeedData {
  artists: SeedArtist[]
  fixtures: SeedFixtures
}

export const dataDir = path.join(devenvRoot, 'data')

const spotifyId = /^[0-9A-Za-z]{22}$/
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

function duplicates(values: (string | null)[]): string[] {
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (const v of values) {
    if (v === null) continue
    if (seen.has(v)) repeated.add(v)
    seen.add(v)
  }
  return [...repeated]
}

/** Every problem in the data, so a bad edit to the JSON files is caught by the tests, not at seed time. */
export function validateSeedData({ artists, fixtures }: SeedData): string[] {
  const problems: string[] = []
  for (const a of artists) {
    if (!a.name.trim()) problems.push('an artist has an empty name')
    if (a.spotifyId !== null && !spotifyId.test(a.spotifyId)) problems.push(`${a.name}: spotifyId "${a.spotifyId}" is not 22 base62 characters`)
    if (a.musicbrainzId !== null && !uuid.test(a.musicbrainzId)) problems.push(`${a.name}: musicbrainzId "${a.musicbrainzId}" is not a lowercase UUID`)
  }
  for (const name of duplicates(artists.map((a) => a.name.toLowerCase()))) problems.push(`artist "${name}" appears twice`)
  for (const id of duplicates(artists.map((a) => a.spotifyId))) problems.push(`spotifyId ${id} is used twice`)
  for (const id of duplicates(artists.map((a) => a.musicbrainzId))) problems.push(`musicbrainzId ${id} is used twice`)

  const artistNames = new Set(artists.map((a) => a.name))
  const emails = new Set(fixtures.users.map((u) => u.email))
  const listNames = new Set(fixtures.lists.map((l) => l.name))
  const needArtist = (name: string, where: string) => artistNames.has(name) || problems.push(`${where}: unknown artist "${name}"`)
  const needUser = (email: string, where: string) => emails.has(email) || problems.push(`${where}: unknown user ${email}`)
  for (const b of fixtures.blocks) {
    needUser(b.user, 'block')
    needArtist(b.artist, `block of ${b.user}`)
  }
  for (const l of fixtures.lists) {
    needUser(l.owner, `list "${l.name}"`)
    for (const item of l.items) needArtist(item.artist, `list "${l.name}"`)
  }
  for (const s of fixtures.subscriptions) {
    needUser(s.user, 'subscription')
    if (!listNames.has(s.list)) problems.push(`subscription of ${s.user}: unknown list "${s.list}"`)
  }
  for (const pair of duplicates(fixtures.blocks.map((b) => `${b.user} → ${b.artist}`))) problems.push(`block ${pair} appears twice`)
  return problems
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')) as T

export function loadSeedData(): SeedData {
  return { artists: readJson<{ artists: SeedArtist[] }>('artists.json').artists, fixtures: readJson<SeedFixtures>('fixtures.json') }
}
