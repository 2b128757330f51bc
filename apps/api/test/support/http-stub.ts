import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface StubRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  body: string
}

export interface StubResponse {
  status?: number
  headers?: Record<string, string>
  json?: unknown
}

export type StubHandler = (request: StubRequest) => StubResponse | Promise<StubResponse>

export interface HttpStub {
  url: string
  /** Every request received, in order. */
  requests: StubRequest[]
  calls(route: string): number
  close(): Promise<void>
}

/**
 * A real HTTP server on 127.0.0.1 and a free port, answering `"METHOD /path"` routes with the given
 * handlers (404 otherwise). Stands in for a provider's endpoints where the simulator is not needed.
 */
export async function startHttpStub(routes: Record<string, StubHandler>): Promise<HttpStub> {
  const requests: StubRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stub')
      const request: StubRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      requests.push(request)
      const handler = routes[`${request.method} ${request.path}`]
      Promise.resolve(handler ? handler(request) : { status: 404, json: { error: { status: 404, message: 'no such route' } } })
        .then((answer) => {
          res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers })
          res.end(answer.json === undefined ? '' : JSON.stringify(answer.json))
        })
        .catch((error: unknown) => {
          res.writeHead(500)
          res.end(String(error))
        })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    calls: (route) => requests.filter((r) => `${r.method} ${r.path}` === route).length,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}
