import type { FastifyRequest } from 'fastify'
import { WebApiError } from '../errors.ts'

// Spotify's paging objects: offset paging ({ href, items, limit, next, offset, previous, total }) and
// cursor paging for followed artists ({ href, items, limit, next, cursors: { after }, total }).

export function baseUrl(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}`
}

function integer(value: string | undefined, fallback: number, message: string): number {
  if (value === undefined || value === '') return fallback
  if (!/^\d+$/.test(value)) throw new WebApiError(400, message)
  return Number(value)
}

export function pageParams(query: Record<string, string | undefined>, max = 50, fallback = 20) {
  const limit = integer(query.limit, fallback, 'Invalid limit')
  if (limit < 1 || limit > max) throw new WebApiError(400, 'Invalid limit')
  return { limit, offset: integer(query.offset, 0, 'Invalid offset') }
}

function link(base: string, path: string, params: Record<string, string | number>): string {
  const url = new URL(path, base)
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v))
  return url.toString()
}

export function offsetPage<T, R>(base: string, path: string, all: readonly T[], page: { limit: number; offset: number }, render: (item: T) => R, extra: Record<string, string> = {}) {
  const { limit, offset } = page
  const items = all.slice(offset, offset + limit).map(render)
  return {
    href: link(base, path, { ...extra, offset, limit }),
    items,
    limit,
    next: offset + limit < all.length ? link(base, path, { ...extra, offset: offset + limit, limit }) : null,
    offset,
    previous: offset > 0 ? link(base, path, { ...extra, offset: Math.max(0, offset - limit), limit }) : null,
    total: all.length,
  }
}

/** `after` is the last id of the previous page; items are ordered by id, so an unfollow between pages skips nothing. */
export function cursorPage<R>(base: string, path: string, sortedIds: readonly string[], limit: number, after: string | undefined, render: (id: string) => R, extra: Record<string, string>) {
  const start = after === undefined ? 0 : sortedIds.findIndex((id) => id > after)
  const ids = start === -1 ? [] : sortedIds.slice(start, start + limit)
  const last = ids.at(-1)
  const more = last !== undefined && sortedIds.at(-1) !== last
  return {
    href: link(base, path, { ...extra, limit, ...(after ? { after } : {}) }),
    items: ids.map(render),
    limit,
    next: more ? link(base, path, { ...extra, limit, after: last }) : null,
    cursors: { after: more ? last : null },
    total: sortedIds.length,
  }
}
