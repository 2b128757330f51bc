import { once } from 'node:events'
import http from 'node:http'

export interface OutageProxy {
  /** From now on, requests reach the real API. */
  recover(): void
  stop(): Promise<void>
}

/**
 * Stands on `port` in front of the real API at `target`: until recover(), it answers every request
 * the way the API does when its database is down (503 SERVICE_UNAVAILABLE with Retry-After: 1);
 * after, it passes requests through.
 */
export async function startOutageProxy(port: number, target: string): Promise<OutageProxy> {
  let available = false
  const server = http.createServer((request, response) => {
    if (!available) {
      response.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' })
      response.end(JSON.stringify({ error: { code: 'SERVICE_UNAVAILABLE', message: 'The service is temporarily unavailable' }, requestId: 'e2e-outage' }))
      return
    }
    const upstream = http.request(new URL(request.url ?? '/', target), { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(response)
    })
    upstream.on('error', () => response.writeHead(502).end())
    request.pipe(upstream)
  })
  server.listen(port, '127.0.0.1')
  await once(server, 'listening')
  return {
    recover: () => void (available = true),
    stop: async () => {
      server.closeAllConnections()
      server.close()
      await once(server, 'close')
    },
  }
}
