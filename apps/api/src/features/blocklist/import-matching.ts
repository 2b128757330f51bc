import { sql } from 'kysely'
import { PROVIDERS, type ProviderRef } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { artistColumnsOf, providerColumn, type ArtistColumns } from '../artists/mapping.ts'

/** A catalog artist matched by an import row, and whether it is already on the importing user's list. */
export type MatchedArtist = ArtistColumns & { listed: boolean }

export interface ImportMatches {
  /** "provider:id" → the artist with that provider id. */
  byRef: Map<string, MatchedArtist>
  /** lower(name) → artists whose name or an alias is exactly that name. */
  exact: Map<string, MatchedArtist[]>
  /** lower(name) → up to five fuzzy candidates, best first, for names without an exact match. */
  fuzzy: Map<string, MatchedArtist[]>
}

export const refKey = (ref: ProviderRef) => `${ref.provider}:${ref.id}`

const columns = sql.raw(artistColumnsOf('a'))
const listed = (userId: string) => sql<boolean>`exists (select 1 from user_artist_blocks b where b.user_id = ${userId} and b.artist_id = a.id)`
const textArray = (values: string[]) => sql`${sql.val(values)}::text[]`

type Row = MatchedArtist & { key: string; kind?: 'name' | 'ref' }

function group(rows: Row[]): Map<string, MatchedArtist[]> {
  const result = new Map<string, MatchedArtist[]>()
  for (const { key, kind: _kind, ...artist } of rows) {
    const artists = result.get(key)
    if (artists) artists.push(artist)
    else result.set(key, [artist])
  }
  return result
}

/**
 * Links and exact names of the whole file in one statement: each key ("provider:id" or a lowered
 * name) joined to the catalog on an index (provider ids, lower(name)) or, for aliases, one hash
 * join over the unnested aliases; never a query per row.
 */
async function exactMatches(db: Db, userId: string, refs: ProviderRef[], names: string[]): Promise<Row[]> {
  const byProvider = PROVIDERS.map((provider) => ({ provider, ids: [...new Set(refs.filter((r) => r.provider === provider).map((r) => r.id))] })).filter((p) => p.ids.length)
  const nameBranches = [
    sql`select 'name', n.key, a.id from unnest(${textArray(names)}) as n(key) join artists a on lower(a.canonical_name) = n.key`,
    sql`select 'name', n.key, a.id from artists a cross join lateral unnest(a.aliases) as al(alias) join unnest(${textArray(names)}) as n(key) on lower(al.alias) = n.key where cardinality(a.aliases) > 0`,
  ]
  const branches = [
    ...(names.length ? nameBranches : []),
    ...byProvider.map(
      ({ provider, ids }) => sql`select 'ref', ${`${provider}:`} || r.id, a.id from unnest(${textArray(ids)}) as r(id) join artists a on a.${sql.ref(providerColumn[provider])} = r.id`,
    ),
  ]
  const { rows } = await sql<Row>`
    with hits(kind, key, id) as (${sql.join(branches, sql` union `)})
    select h.kind, h.key, ${columns}, ${listed(userId)} as listed from hits h join artists a on a.id = h.id
    order by h.key, a.canonical_name, a.id`.execute(db)
  return rows
}

// Names per fuzzy statement: each statement stays far below the statement timeout on a big file.
const FUZZY_BATCH = 2500

/** Up to five trigram candidates per name, best first: a lateral join, one statement per batch of names. */
async function fuzzyMatches(db: Db, userId: string, names: string[]): Promise<Row[]> {
  if (names.length === 0) return []
  return db.transaction().execute(async (trx) => {
    // Looser than search: a file's spelling may be far off, and the user picks from candidates anyway.
    await sql`select set_config('pg_trgm.word_similarity_threshold', '0.3', true)`.execute(trx)
    const rows: Row[] = []
    for (let i = 0; i < names.length; i += FUZZY_BATCH) {
      const result = await sql<Row>`
        select n.key, c.* from unnest(${textArray(names.slice(i, i + FUZZY_BATCH))}) as n(key)
        cross join lateral (
          select ${columns}, ${listed(userId)} as listed from artists a where n.key <% a.search_text
          order by word_similarity(n.key, a.search_text) desc, a.canonical_name limit 5
        ) c`.execute(trx)
      rows.push(...result.rows)
    }
    return rows
  })
}

/** Matches every link and name of an import file against the catalog in a few statements. */
export async function matchImport(db: Db, userId: string, refs: ProviderRef[], names: string[]): Promise<ImportMatches> {
  const keys = [...new Set(names.map((n) => n.toLowerCase()))]
  if (refs.length === 0 && keys.length === 0) return { byRef: new Map(), exact: new Map(), fuzzy: new Map() }
  const rows = await exactMatches(db, userId, refs, keys)
  const byRef = new Map([...group(rows.filter((r) => r.kind === 'ref'))].map(([key, artists]) => [key, artists[0]!]))
  const exact = group(rows.filter((r) => r.kind === 'name'))
  const fuzzy = group(await fuzzyMatches(db, userId, keys.filter((k) => !exact.has(k))))
  return { byRef, exact, fuzzy }
}
