// The personal Do-Not-Play list as a listener uses it, for the blocklist and account tests.
import type { FastifyInstance } from 'fastify'
import { signInListener } from './listener.ts'

export type ListOwner = Awaited<ReturnType<typeof signInWithList>>

/** Registers a listener and returns a small client for their own list, imports and exports. */
export async function signInWithList(app: FastifyInstance) {
  const listener = await signInListener(app)
  const { call } = listener
  return {
    ...listener,
    add: (payload: object) => call('POST', '/me/blocklist', payload),
    addArtist: (artistId: string) => call('POST', '/me/blocklist', { artistId }),
    list: (query = '') => call('GET', `/me/blocklist${query}`),
    edit: (id: string, payload: object) => call('PATCH', `/me/blocklist/${id}`, payload),
    remove: (id: string) => call('DELETE', `/me/blocklist/${id}`),
    names: async (): Promise<string[]> => (await call('GET', '/me/blocklist?sort=name&limit=100')).json().items.map((e: { artist: { name: string } }) => e.artist.name),
    preview: (format: 'csv' | 'json', content: string) => call('POST', '/me/blocklist/imports', { format, content }),
    confirm: (id: string, rows: { index: number; artistId: string }[]) => call('POST', `/me/blocklist/imports/${id}/confirm`, { rows }),
    exportAs: (format: string) => call('GET', `/me/blocklist/export?format=${format}`),
  }
}
