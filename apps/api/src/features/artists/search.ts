import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../db/database.ts'
import { artistColumnsOf, type ArtistColumns } from './mapping.ts'

// Fuzzy search over name and aliases, in one query over two GIN indexes:
// - trigrams (search_text): the whole query's word similarity forgives missing, extra or wrong
//   letters; the threshold (pg_trgm.word_similarity_threshold) is set per connection, see database.ts;
// - anagram keys (search_keys, migration 0015): a query word whose letters, sorted, equal those of a
//   word of the artist is that word with letters swapped ("swfit" → Swift, "dkrae" → Drake).
// Rank: the exact name or alias first, then the better of the whole query's similarity and the mean
// over its words of each word's best (its own similarity, or KEY_MATCH when its key matches; in the
// first pass only for artists where some word's key matches).
// When that finds nothing, a looser pass (each word on its own, a lower threshold) finds names with
// two wrong letters ("teylor swuft"); what it finds below FOUND is only offered as "did you mean".

/** What a word with swapped letters scores: below an exact word (1), above most trigram near-misses. */
const KEY_MATCH = 0.8
/** The loose pass: pg_trgm threshold for the whole query and for each word of four letters or more. */
const LOOSE_THRESHOLD = 0.3
/** A loose match this close is a result; below it, a "did you mean" suggestion down to SUGGEST. */
const FOUND = 0.36
const SUGGEST = 0.3

export type SearchRow = ArtistColumns & { score: number; exact: boolean; closeness: number; on_list: boolean }

/** Lower case, single spaces: the form both the query and search_text are compared in. */
export const normalizeQuery = (query: string) => query.trim().toLowerCase().replace(/\s+/g, ' ')

/**
 * A word's anagram key as artist_word_keys (migration 0015) computes it for search_keys: its
 * letters sorted by code point, or null under three letters. Here so the query costs no SQL call.
 */
export function wordKey(word: string): string | null {
  const letters = [...word.toLowerCase()]
  return letters.length >= 3 ? letters.sort().join('') : null
}

/** The query's distinct words (split as the SQL function splits) with their keys. */
export function queryWords(q: string): { words: string[]; keys: (string | null)[] } {
  const words = [...new Set(q.split(/[^\p{L}\p{N}]+/u).filter(Boolean))]
  return { words, keys: words.map(wordKey) }
}

const ARTIST_COLUMNS = sql.raw(artistColumnsOf('a'))

/** Words beyond these few add little to a name search and would only lengthen the query. */
const MAX_WORDS = 8

export function rankedQuery(query: string, page: { limit: number; offset: number }, userId: string | null, loose: boolean) {
  const q = normalizeQuery(query)
  const all = queryWords(q)
  const words = all.words.slice(0, MAX_WORDS)
  const keys = all.keys.slice(0, MAX_WORDS)
  const someKeys = sql.val(keys.filter((k) => k !== null))
  // Each word's best: 1 when the artist has it as typed, KEY_MATCH when it has it with letters
  // swapped, else its own similarity (the one trigram comparison, left for last as the costly part).
  const wordScores = words.map((w, i) =>
    keys[i]
      ? sql`case when ${keys[i]} = any(a.search_keys) then case when strpos(a.search_text, ${w}) > 0 then 1 else ${KEY_MATCH}::real end else word_similarity(${w}, a.search_text) end`
      : sql`word_similarity(${w}, a.search_text)`,
  )
  const perWord = words.length > 0 ? sql`(${sql.join(wordScores, sql` + `)}) / ${words.length}` : sql`0`
  // The strict pass weighs words one by one only where a word's letters match (the swaps it exists for).
  const wordsScore = loose ? perWord : sql`case when a.search_keys && ${someKeys}::text[] then ${perWord} else 0 end`
  const matches: RawBuilder<boolean>[] = [sql`${q} <% a.search_text`, sql`a.search_keys && ${someKeys}::text[]`]
  if (loose && words.length > 1) matches.push(...words.filter((w) => [...w].length >= 4).map((w) => sql<boolean>`${w} <% a.search_text`))
  // The page is chosen first; only its rows are then looked up on the user's list.
  return sql<SearchRow>`
    select page.*, exists (select from user_artist_blocks b where b.user_id = ${userId}::uuid and b.artist_id = page.id) as on_list
    from (
      select ${ARTIST_COLUMNS},
        greatest(word_similarity(${q}, a.search_text), ${wordsScore})::real as score,
        lower(a.canonical_name) = ${q} or (strpos(a.search_text, ${q}) > 0 and exists (select from unnest(a.aliases) as alias where lower(alias) = ${q})) as exact,
        similarity(lower(a.canonical_name), ${q}) as closeness
      from artists a
      where ${sql.join(matches, sql` or `)}
      order by exact desc, score desc, closeness desc, a.canonical_name, a.id
      limit ${page.limit} offset ${page.offset}
    ) as page
    order by page.exact desc, page.score desc, page.closeness desc, page.canonical_name, page.id`
}

/**
 * One page of matches, best first; reads one row more than asked to know whether more exist.
 * `on_list` says whether the artist is on `userId`'s list.
 */
export async function searchArtists(db: Db, query: string, limit: number, offset: number, userId: string | null = null): Promise<SearchRow[]> {
  return (await rankedQuery(query, { limit: limit + 1, offset }, userId, false).execute(db)).rows
}

/**
 * The loose pass, for a query the search found nothing for: close matches (one page at most, as
 * they are a second guess) and, when there are none, up to three "did you mean" names.
 */
export async function looseSearch(db: Db, query: string, limit: number, userId: string | null): Promise<{ rows: SearchRow[]; suggestions: string[] }> {
  const { rows } = await db.transaction().execute(async (trx) => {
    await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(LOOSE_THRESHOLD)}, true)`.execute(trx)
    return rankedQuery(query, { limit, offset: 0 }, userId, true).execute(trx)
  })
  const found = rows.filter((r) => r.score >= FOUND)
  const suggestions = found.length > 0 ? [] : [...new Set(rows.filter((r) => r.score >= SUGGEST).map((r) => r.canonical_name))].slice(0, 3)
  return { rows: found, suggestions }
}
