import type { Kysely } from 'kysely'
import { runSql } from './run-sql.ts'

// Typo-tolerant search, part two: swapped letters. Trigrams forgive a missing or wrong letter but
// hardly two swapped ones in a short word ("dkrae" shares one trigram with "drake"). A word's
// letters in sorted order (its anagram key) are the same after any swap, so each artist keeps the
// keys of the words in its name and aliases, GIN-indexed, and a query's keys find them exactly.
// Words under three letters get no key (too many artists would share it).
export async function up(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `CREATE FUNCTION artist_word_keys(words text) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT k), '{}') FROM (
          SELECT (SELECT string_agg(c, '' ORDER BY c COLLATE "C") FROM regexp_split_to_table(w, '') AS c) AS k
          FROM regexp_split_to_table(lower(words), '[^[:alnum:]]+') AS w
          WHERE length(w) >= 3
        ) AS keys $$`,
    `ALTER TABLE artists ADD COLUMN search_keys text[]
      GENERATED ALWAYS AS (artist_word_keys(artist_search_text(canonical_name, aliases))) STORED`,
    `CREATE INDEX artists_search_keys_idx ON artists USING gin (search_keys)`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runSql(db, [
    `DROP INDEX artists_search_keys_idx`,
    `ALTER TABLE artists DROP COLUMN search_keys`,
    `DROP FUNCTION artist_word_keys(text)`,
  ])
}
