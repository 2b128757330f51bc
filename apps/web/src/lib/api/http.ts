import type { ErrorResponse } from '@ndith/contracts'
import { ApiError, ServerFailureError, ServerUnreachableError, TemporarilyUnavailableError } from './errors.ts'

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  body?: unknown
  accessToken?: string
  signal?: AbortSignal
}

/**
 * Statuses a reverse proxy answers with, without a body of the API's, when it cannot reach the API:
 * Vite's proxy sends an empty 502 on ECONNREFUSED, nginx 502 (refused) or 504 (timed out). Any other
 * 5xx without the API's error shape is a server answering with an error of its own.
 */
const UNREACHABLE_STATUSES = new Set([502, 504])

function isErrorResponse(body: unknown): body is ErrorResponse {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false
  const error = (body as { error: unknown }).error
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
}

function retryAfter(response: Response): number | undefined {
  const raw = response.headers.get('retry-after')
  if (!raw) return undefined
  const seconds = Number(raw)
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds))
  const date = Date.parse(raw)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? ''
  if (!type.includes('application/json')) return undefined
  try {
    return await response.json()
  } catch {
    return undefined
  }
}

/** Turns a non-2xx response into the error the UI can act on. */
export async function errorFromResponse(response: Response): Promise<ApiError | ServerUnreachableError> {
  const body = await readJson(response)
  if (isErrorResponse(body)) {
    const { code, message, fields } = body.error
    // Nothing the user typed is wrong: the API (or nginx in front of it) says it cannot serve now.
    if (code === 'SERVICE_UNAVAILABLE') return new TemporarilyUnavailableError(response.status, retryAfter(response))
    return new ApiError(response.status, code, message, fields ?? [], body.requestId, retryAfter(response))
  }
  const requestId = response.headers.get('x-request-id') ?? undefined
  if (UNREACHABLE_STATUSES.has(response.status)) return new ServerUnreachableError(response.status)
  if (response.status >= 500) return new ServerFailureError(response.status, requestId)
  return new ApiError(response.status, 'UNEXPECTED_RESPONSE', `Unexpected answer from the server (HTTP ${response.status})`, [], requestId)
}

/**
 * One call to the API on this origin. Resolves with the parsed JSON body (undefined for 204);
 * rejects with ApiError or ServerUnreachableError, never with a bare TypeError.
 */
export async function requestJson<T>(fetchFn: FetchLike, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (options.accessToken) headers.authorization = `Bearer ${options.accessToken}`

  let response: Response
  try {
    response = await fetchFn(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      // The refresh token travels only in an httpOnly cookie on this origin.
      credentials: 'same-origin',
      signal: options.signal ?? null,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ServerUnreachableError(undefined, { cause: error })
  }

  if (!response.ok) throw await errorFromResponse(response)
  if (response.status === 204) return undefined as T
  return (await readJson(response)) as T
}
