import Type, { type Static, type TSchema } from 'typebox'
import { Uuid } from './schemas.ts'

/** The page size when a request does not ask for one. */
export const DEFAULT_PAGE_SIZE = 25
export const MAX_PAGE_SIZE = 100

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
}

/** The page a request asks for, with the defaults filled in. */
export const pageWindow = (query: PageRequest = {}) => ({
  limit: query.limit ?? DEFAULT_PAGE_SIZE,
  offset: query.offset ?? 0,
})

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ minimum: 0 }),
    limit: Type.Integer(),
    offset: Type.Integer(),
  })

export const IdParams = Type.Object({ id: Uuid })
export type IdParams = Static<typeof IdParams>

/** What a paginated request may ask for; `pageWindow` fills in the defaults. */
export interface PageRequest {
  limit?: number | undefined
  offset?: number | undefined
}
export type PageWindow = ReturnType<typeof pageWindow>

/** The page envelope every paginated response shares. */
export const pageOf = <T>(items: T[], total: number, window: PageWindow) => ({ items, total, limit: window.limit, offset: window.offset })
