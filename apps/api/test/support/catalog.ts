import { afterAll, beforeAll } from 'vitest'
import type { Db } from '../../src/db/database.ts'
import { createTestApp, type TestAppOptions } from './test-app.ts'

/** A small catalog with real artists (and their public Spotify ids) for feature tests. */
export async function seedCatalog(db: Db) {
  const rows = await db
    .insertInto('artists')
    .values([
      { canonical_name: 'Kanye West', aliases: ['Ye', 'Yeezy'], spotify_id: '5K4W6rqBFWDnAN6FQUkS6x' },
      { canonical_name: 'Drake', spotify_id: '3TVXtAsR1Inumwj472S9r4', apple_music_id: '271256' },
      { canonical_name: 'Chris Brown', spotify_id: '7bXgB6jMjp9ATFy66eO08Z' },
      { canonical_name: 'R. Kelly', aliases: ['R Kelly'], spotify_id: '2mxe0TnaNL039ysAj51xPQ' },
      { canonical_name: 'Nirvana', spotify_id: '6olE6TJLqED3rqDCT0FyPh' },
      { canonical_name: 'Nirvana', aliases: ['Nirvana (UK)'] },
      { canonical_name: 'Marilyn Manson', spotify_id: '2VYQTNDsvvKN9wmU5W7xpj' },
    ])
    .returning(['id', 'canonical_name'])
    .execute()
  const byName = (name: string) => rows.find((r) => r.canonical_name === name)!.id
  return { rows, byName }
}

export type CatalogApp = Awaited<ReturnType<typeof createCatalogApp>>

/** The test app with the catalog above; `artist(name)` is a seeded artist's id. */
export async function createCatalogApp(options: TestAppOptions = {}) {
  const t = await createTestApp(options)
  const { byName } = await seedCatalog(t.db)
  return { ...t, artist: byName }
}

let spotifyCounter = 0

/** Inserts catalog artists by name (each with a Spotify id of its own); returns their ids in order. */
export async function insertArtists(db: Db, ...names: string[]): Promise<string[]> {
  const rows = await db
    .insertInto('artists')
    .values(names.map((canonical_name) => ({ canonical_name, spotify_id: `sp${Date.now()}${spotifyCounter++}` })))
    .returning(['id', 'canonical_name'])
    .execute()
  return names.map((name) => rows.find((r) => r.canonical_name === name)!.id)
}

/**
 * The file's app with the catalog, created before its first test and closed after its last.
 * Read it inside tests (`t.app`, `t.db`, `t.artist('Drake')`): before `beforeAll` it does not exist.
 */
export function useCatalogApp(options: TestAppOptions = {}): CatalogApp {
  let current: CatalogApp | undefined
  beforeAll(async () => {
    current = await createCatalogApp(options)
  })
  afterAll(() => current?.close())
  return new Proxy({} as CatalogApp, {
    get: (_target, key) => {
      if (!current) throw new Error('useCatalogApp: the app exists only inside tests (after beforeAll)')
      return Reflect.get(current, key)
    },
  })
}
