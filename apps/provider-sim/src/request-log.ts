import type { FastifyReply, FastifyRequest } from 'fastify'

/** One Web API or accounts call as the simulator saw it: what tests assert on (e.g. "no duplicate removals"). */
export interface LoggedRequest {
  seq: number
  time: string
  method: string
  path: string
  query: Record<string, string>
  status: number
  /** The simulated user the access token belongs to. */
  user: string | null
  clientId: string | null
  /** For mutations: the URIs added or removed. */
  uris?: string[]
  /** Set when the answer was injected (or, for lost_response, when the client never saw it). */
  fault?: string
}

export class RequestLog {
  private entries: LoggedRequest[] = []
  private seq = 0

  constructor(private readonly max = 50_000) {}

  record(entry: Omit<LoggedRequest, 'seq'>) {
    this.entries.push({ seq: ++this.seq, ...entry })
    // A long demo must not grow without bound: keep the newest entries.
    if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max)
  }

  list(filter: { method?: string; pathPrefix?: string; user?: string; since?: number } = {}): LoggedRequest[] {
    return this.entries.filter(
      (e) =>
        (!filter.method || e.method === filter.method.toUpperCase()) &&
        (!filter.pathPrefix || e.path.startsWith(filter.pathPrefix)) &&
        (!filter.user || e.user === filter.user) &&
        (filter.since === undefined || e.seq > filter.since),
    )
  }

  clear() {
    this.entries = []
  }
}

/** Logs one client call (`log` and `now` from the simulator's context). */
export function recordRequest(ctx: { log: RequestLog; clock: { now(): number } }, request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0]!
  // The admin's own calls and the health probes (Kubernetes asks every few seconds) are not client calls.
  if (path.startsWith('/admin') || path === '/health') return
  const { sim } = request
  // A socket closed without an answer is logged as status 0: the client saw no status at all.
  const hungUp = sim.fault === 'lost_response' && reply.raw.destroyed
  ctx.log.record({
    time: new Date(ctx.clock.now()).toISOString(),
    method: request.method,
    path,
    query: { ...(request.query as Record<string, string>) },
    status: hungUp ? 0 : reply.statusCode,
    user: sim.user?.id ?? null,
    clientId: sim.clientId ?? null,
    ...(sim.uris ? { uris: sim.uris } : {}),
    ...(sim.fault ? { fault: sim.fault } : {}),
  })
}
