// Community lists as a listener uses them, for the community tests (and anyone who needs a list).
import type { FastifyInstance } from 'fastify'
import type { Db } from '../../src/db/database.ts'
import { signInListener } from './listener.ts'

export type Listener = Awaited<ReturnType<typeof signIn>>

/** Registers a listener and returns a small client that calls the community API as them. */
export async function signIn(app: FastifyInstance) {
  const listener = await signInListener(app)
  const { call } = listener
  const lists = (id: string) => `/community-lists/${id}`
  return {
    ...listener,
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
    block: (db: Db, artistId: string) => db.insertInto('user_artist_blocks').values({ user_id: listener.id, artist_id: artistId }).execute(),
  }
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
