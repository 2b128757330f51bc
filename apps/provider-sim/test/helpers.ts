import { randomBytes } from 'node:crypto'
import { buildSimulator, manualClock, pkceChallenge, type Simulator, type SimulatorOptions } from '../src/app.ts'

export const redirectUri = 'http://127.0.0.1:5173/connections/spotify/callback'
export const allScopes = [
  'user-library-read',
  'user-library-modify',
  'user-follow-read',
  'user-follow-modify',
  'playlist-read-private',
  'playlist-read-collaborative',
  'playlist-modify-private',
  'playlist-modify-public',
]

/** A simulator with a clock that moves only when the test says so, and latency that never waits. */
export async function simulator(options: SimulatorOptions = {}) {
  const clock = manualClock()
  const sim = await buildSimulator({ benchTracks: 200, clock, sleep: async () => {}, ...options })
  return { sim, clock }
}

export function form(body: Record<string, string>) {
  return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(body).toString() }
}

/** Walks the consent screen as a listener would: open /authorize, pick the user, approve. */
export async function authorize(sim: Simulator, user: string, scopes = allScopes, verifier = randomBytes(32).toString('base64url')) {
  const query = new URLSearchParams({
    client_id: 'ndith-dev',
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: scopes.join(' '),
    state: 'state-123',
    code_challenge: pkceChallenge(verifier),
    code_challenge_method: 'S256',
  })
  const page = await sim.inject({ method: 'GET', url: `/authorize?${query}` })
  const requestId = /name="request_id" value="([^"]+)"/.exec(page.body)?.[1]
  if (!requestId) throw new Error(`no consent screen: ${page.statusCode} ${page.body}`)
  const decision = await sim.inject({ method: 'POST', url: '/authorize/decision', ...form({ request_id: requestId, user, decision: 'approve' }) })
  const location = new URL(decision.headers.location as string)
  return { code: location.searchParams.get('code')!, state: location.searchParams.get('state'), verifier, location }
}

export async function exchange(sim: Simulator, code: string, verifier: string) {
  return sim.inject({ method: 'POST', url: '/api/token', ...form({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: 'ndith-dev', code_verifier: verifier }) })
}

/** A signed-in user's access token, the whole PKCE flow done. */
export async function connect(sim: Simulator, user: string, scopes = allScopes) {
  const { code, verifier } = await authorize(sim, user, scopes)
  const response = await exchange(sim, code, verifier)
  if (response.statusCode !== 200) throw new Error(`token exchange failed: ${response.body}`)
  return response.json() as { access_token: string; refresh_token: string; expires_in: number; scope: string }
}

export function api(sim: Simulator, token: string) {
  const headers = { authorization: `Bearer ${token}` }
  return {
    get: (url: string) => sim.inject({ method: 'GET', url, headers }),
    delete: (url: string, payload?: object) => sim.inject({ method: 'DELETE', url, headers, ...(payload ? { payload } : {}) }),
    put: (url: string) => sim.inject({ method: 'PUT', url, headers }),
    post: (url: string, payload: object) => sim.inject({ method: 'POST', url, headers, payload }),
  }
}

interface PageLike<T> {
  items: T[]
  next: string | null
}

/** Follows `next` links from a first URL and returns every item (offset or cursor paging alike). */
export async function collect<T>(client: ReturnType<typeof api>, firstUrl: string, unwrap: (body: unknown) => PageLike<T> = (b) => b as PageLike<T>) {
  const items: T[] = []
  let url: string | null = firstUrl
  let calls = 0
  while (url) {
    const response = await client.get(url)
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`)
    const page = unwrap(response.json())
    items.push(...page.items)
    calls++
    url = page.next ? new URL(page.next).pathname + new URL(page.next).search : null
  }
  return { items, calls }
}
