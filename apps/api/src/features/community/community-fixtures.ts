// Helpers for the community tests: signed-in users that call the API, and catalog artists.
import type { FastifyInstance, InjectOptions } from 'fastify'
import type { Db } from '../../db/database.ts'
import { register } from '../../../test/support/auth.ts'

export type Listener = Awaited<ReturnType<typeof signIn>>

/** Registers a user and returns a small client that calls the API as them. */
export async function signIn(app: FastifyInstance) {
  const { session } = await register(app)
  const headers = { authorization: `Bearer ${session.accessToken}` }
  const call = (method: InjectOptions['method'], url: string, payload?: object) =>
    app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) })
  const lists = (id: string) => `/community-lists/${id}`
  return {
    id: session.user.id,
    headers,
    call,
    createList: (body: object = {}) => call('POST', '/community-lists', { name: 'Test list', criteria: 'Artists the test names', ...body }),
    getList: (id: string) => call('GET', lists(id)),
    updateList: (id: string, body: object) => call('PATCH', lists(id), body),
    items: (id: string, query = '') => call('GET', `${lists(id)}/items${query}`),
    addItem: (id: string, artistId: string, body: object = {}) => call('POST', `${lists(id)}/items`, { artistId, rationale: 'Documented', ...body }),
    removeItem: (id: string, artistId: string) => call('DELETE', `${lists(id)}/items/${artistId}`),
    publish: (id: string, changelog?: string) => call('POST', `${lists(id)}/publish`, changelog ? { changelog } : {}),
    versions: (id: string) => call('GET', `${lists(id)}/versions`),
    version: (id: string, version: number) => call('GET', `${lists(id)}/versions/${version}`),
    diff: (id: string, version: number, query = '') => call('GET', `${lists(id)}/versions/${version}/diff${query}`),
    subscribe: (id: string, body: object = { mode: 'auto' }) => call('PUT', `${lists(id)}/subscription`, body),
    unsubscribe: (id: string) => call('DELETE', `${lists(id)}/subscription`),
    accept: (id: string, version: number) => call('POST', `${lists(id)}/subscription/accept`, { version }),
    preview: (id: string) => call('GET', `${lists(id)}/preview`),
    report: (id: string, artistId: string, body: object = { reason: 'inaccurate', details: 'Wrong artist' }) =>
      call('POST', `${lists(id)}/items/${artistId}/reports`, body),
    effective: (query = '') => call('GET', `/me/effective-blocklist${query}`),
    /** Blocks an artist on the personal list directly (the DNP list feature is tested elsewhere). */
    block: (db: Db, artistId: string) => db.insertInto('user_artist_blocks').values({ user_id: session.user.id, artist_id: artistId }).execute(),
  }
}

let spotifyCounter = 0

/** Inserts catalog artists by name; returns their ids in the same order. */
export async function insertArtists(db: Db, ...names: string[]): Promise<string[]> {
  const rows = await db
    .insertInto('artists')
    .values(names.map((canonical_name) => ({ canonical_name, spotify_id: `sp${Date.now()}${spotifyCounter++}` })))
    .returning(['id', 'canonical_name'])
    .execute()
  return names.map((name) => rows.find((r) => r.canonical_name === name)!.id)
}

/** Creates a list, adds the artists and publishes it; returns the list id. */
export async function publishedList(owner: Listener, artistIds: string[], body: object = {}) {
  const list = await owner.createList(body)
  if (list.statusCode !== 201) throw new Error(`create failed: ${list.body}`)
  const id = list.json().id as string
  for (const artistId of artistIds) {
    const added = await owner.addItem(id, artistId)
    if (added.statusCode !== 201) throw new Error(`add failed: ${added.body}`)
  }
  const published = await owner.publish(id)
  if (published.statusCode !== 201) throw new Error(`publish failed: ${published.body}`)
  return id
}

/** The list name each audit row of a list recorded (so Activity can say which list), by action. */
export const auditListNames = async (db: Db, subjectId: string) =>
  (await db.selectFrom('audit_log').select(['action', 'before', 'after']).where('subject_id', '=', subjectId).orderBy('id').execute()).map((r) => {
    const data = (r.after ?? r.before) as { listName?: string; name?: string }
    return [r.action, data.listName ?? data.name] as const
  })

export const auditActions = async (db: Db, subjectId: string) =>
  (await db.selectFrom('audit_log').select('action').where('subject_id', '=', subjectId).orderBy('id').execute()).map((r) => r.action)
