/** The chaos suite's load: loops of real HTTP requests against the API process, every answer recorded. */

export interface Sample {
  kind: string
  /** 0 = no answer (connection refused or reset, timeout). */
  status: number
  startedAt: number
  ms: number
}

export interface Account {
  email: string
  password: string
  accessToken: string
}

export class Recorder {
  readonly samples: Sample[] = []
  async time(kind: string, request: () => Promise<Response>): Promise<number> {
    const startedAt = Date.now()
    const status = await request()
      .then(async (response) => {
        await response.arrayBuffer()
        return response.status
      })
      .catch(() => 0)
    this.samples.push({ kind, status, startedAt, ms: Date.now() - startedAt })
    return status
  }
  between(from: number, to: number, kinds?: string[]): Sample[] {
    return this.samples.filter((s) => s.startedAt >= from && s.startedAt < to && (!kinds || kinds.includes(s.kind)))
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

export function statusCounts(samples: Sample[]): string {
  const counts = new Map<number, number>()
  for (const s of samples) counts.set(s.status, (counts.get(s.status) ?? 0) + 1)
  return [...counts].sort(([a], [b]) => a - b).map(([status, n]) => `${status === 0 ? 'no answer' : status}×${n}`).join(' ') || 'none'
}

export interface LoadPlan {
  readers?: number
  writers?: number
  logins?: number
  registrations?: number
}

export interface LoadContext {
  base: string
  recorder: Recorder
  accounts: Account[]
  artistIds: string[]
  /** (account email, artist id) of every write answered 201. */
  acknowledged: { email: string; artistId: string }[]
  /** A load balancer's view: while false, no new request is sent (the instance left the endpoints). */
  routed: () => boolean
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const json = { 'content-type': 'application/json' }
const bearer = (account: Account) => ({ authorization: `Bearer ${account.accessToken}` })
const timeout = () => AbortSignal.timeout(15_000)

let nextArtist = 0
let registered = 0

/** Starts the planned loops; `stop()` ends them and resolves once every request in flight is answered. */
export function startLoad(plan: LoadPlan, ctx: LoadContext) {
  let running = true
  const { base, recorder, accounts } = ctx
  const loop = (step: (i: number) => Promise<number>) => async () => {
    for (let i = 0; running && ctx.routed(); i++) {
      const status = await step(i)
      // An outage or a limit answers at once: do not spin on it.
      if (status === 0 || status === 429 || status >= 500) await pause(50)
    }
  }
  const reader = (account: Account) => {
    const reads = [`${base}/api/v1/me/blocklist`, `${base}/api/v1/auth/me`, `${base}/api/v1/artists/search?q=chaos%20artist%2012`]
    return loop((i) => recorder.time('read', () => fetch(reads[i % reads.length]!, { headers: bearer(account), signal: timeout() })))
  }
  const writer = (account: Account) =>
    loop(async () => {
      const artistId = ctx.artistIds[nextArtist++]
      if (!artistId) return pause(100).then(() => 0)
      const status = await recorder.time('write', () =>
        fetch(`${base}/api/v1/me/blocklist`, { method: 'POST', headers: { ...json, ...bearer(account) }, body: JSON.stringify({ artistId }), signal: timeout() }),
      )
      if (status === 201) ctx.acknowledged.push({ email: account.email, artistId })
      return status
    })
  const login = (account: Account) =>
    loop(() =>
      recorder.time('login', () =>
        fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email: account.email, password: account.password }), signal: timeout() }),
      ),
    )
  const registration = () =>
    loop(() =>
      recorder.time('register', () =>
        fetch(`${base}/api/v1/auth/register`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email: `chaos.${process.pid}.${registered++}@example.com`, password: 'Chaos-Password-123' }),
          signal: timeout(),
        }),
      ),
    )

  const pick = (i: number) => accounts[i % accounts.length]!
  const loops = [
    ...Array.from({ length: plan.readers ?? 0 }, (_, i) => reader(pick(i))()),
    ...Array.from({ length: plan.writers ?? 0 }, (_, i) => writer(pick(i + 1))()),
    ...Array.from({ length: plan.logins ?? 0 }, (_, i) => login(pick(i + 2))()),
    ...Array.from({ length: plan.registrations ?? 0 }, () => registration()()),
  ]
  return {
    async stop() {
      running = false
      await Promise.all(loops)
    },
  }
}
