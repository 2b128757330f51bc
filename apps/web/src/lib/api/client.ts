import { requestJson, errorFromResponse, type FetchLike, type RequestOptions } from './http.ts'
import { ServerUnreachableError } from './errors.ts'
import { filenameFromDisposition } from './download.ts'

/** The API's version prefix; every feature path hangs off it. */
export const API_BASE = '/api/v1'

/** Runs a call with the session's access token (renewing it once on 401): SessionStore.authorized. */
export type Authorize = <T>(call: (accessToken: string) => Promise<T>) => Promise<T>

export type QueryValue = string | number | boolean | null | undefined
export type QueryParams = Record<string, QueryValue>

/** A file the API answered with (exports): its bytes and the name the server suggested. */
export interface DownloadedFile {
  blob: Blob
  filename: string
}

/** Appends the defined, non-empty parameters as a query string. */
export function withQuery(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue
    search.set(key, String(value))
  }
  const query = search.toString()
  return query ? `${path}?${query}` : path
}

/** Authenticated calls to /api/v1: the feature clients (artists, blocklist, …) are built on this. */
export interface ApiClient {
  get<T>(path: string, query?: QueryParams, signal?: AbortSignal): Promise<T>
  send<T>(method: NonNullable<RequestOptions['method']>, path: string, body?: unknown): Promise<T>
  download(path: string, query?: QueryParams, fallbackName?: string): Promise<DownloadedFile>
}

export function createApiClient(authorize: Authorize, fetchFn: FetchLike = (input, init) => fetch(input, init)): ApiClient {
  const url = (path: string, query?: QueryParams) => withQuery(`${API_BASE}${path}`, query)
  return {
    get: (path, query, signal) =>
      authorize((accessToken) => requestJson(fetchFn, url(path, query), { accessToken, ...(signal ? { signal } : {}) })),
    send: (method, path, body) => authorize((accessToken) => requestJson(fetchFn, url(path), { method, body, accessToken })),
    download: (path, query, fallbackName = 'download') =>
      authorize(async (accessToken) => {
        let response: Response
        try {
          response = await fetchFn(url(path, query), {
            method: 'GET',
            headers: { authorization: `Bearer ${accessToken}` },
            credentials: 'same-origin',
          })
        } catch (error) {
          throw new ServerUnreachableError(undefined, { cause: error })
        }
        if (!response.ok) throw await errorFromResponse(response)
        const filename = filenameFromDisposition(response.headers.get('content-disposition')) ?? fallbackName
        return { blob: await response.blob(), filename }
      }),
  }
}
