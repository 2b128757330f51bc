// An operation of the API, declared once: the API registers it, the OpenAPI document describes it
// (operationId, summary, tags, schemas, error answers), and a client can read its method and path.
import type { TSchema } from 'typebox'
import { ErrorResponse } from './errors.ts'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** What an operation takes and answers on success (a response can also be a described file). */
export interface OperationSchema {
  params?: TSchema
  querystring?: TSchema
  body?: TSchema
  response: Record<number, TSchema | { description: string; content: Record<string, { schema: object }> }>
  /** Only the few operations a caller may use without a bearer token: `[]`. */
  security?: Record<string, string[]>[]
}

export interface OperationDraft<S extends OperationSchema = OperationSchema> {
  method: HttpMethod
  /** In the router's form (`/community-lists/:id`), under the API's base path unless it says otherwise. */
  path: string
  summary: string
  schema: S
  /** The error statuses it may answer, all in the one error shape. */
  errors: readonly number[]
}

/** One operation: method, path, a one-line summary, its schemas and the error statuses it may answer. */
export const operation = <const S extends OperationSchema>(method: HttpMethod, path: string, summary: string, schema: S, errors: readonly number[] = []): OperationDraft<S> => ({
  method,
  path,
  summary,
  schema,
  errors,
})

// The error answers are added to `response` at run time but left out of its type: a handler throws
// them (the error handler shapes the body) and only ever returns a success.
type Named<K, D> = D extends OperationDraft<infer S> ? { method: HttpMethod; path: string; schema: S & { operationId: K; summary: string; tags: string[] } } : never

/** A feature's operations under one tag; each one's operationId is its key, so names are never repeated. */
export function operations<const T extends Record<string, OperationDraft>>(tag: string, drafts: T): { [K in keyof T]: Named<K, T[K]> } {
  const named = Object.entries(drafts).map(([operationId, { method, path, summary, schema, errors }]) => {
    const response = { ...schema.response, ...Object.fromEntries(errors.map((status) => [status, ErrorResponse])) }
    return [operationId, { method, path, schema: { ...schema, operationId, summary, tags: [tag], response } }]
  })
  return Object.fromEntries(named) as { [K in keyof T]: Named<K, T[K]> }
}

/** A response that is a ready-made file (exports), described per media type. */
export const fileResponse = (description: string, mediaTypes: readonly string[]) => ({
  description,
  content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string' } }])),
})
