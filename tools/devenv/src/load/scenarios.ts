import { randomBytes } from 'node:crypto'
import { DevenvError } from '../lib/errors.ts'

// The API's paths (packages/contracts declares them; devenv only calls them over HTTP).
const API = '/api/v1'

/** The account the reads and searches run as: signed in, or registered on the first run only. */
const LOAD_TEST_USER = { email: 'load-test@ndith.invalid', password: 'Steady-Traffic-Phrase-2026!' }

// A password the policy accepts, so every registration hashes it (argon2) like a real sign-up.
const REGISTRATION_PASSWORD = 'Concurrent-Hashing-42!'

// Varied searches, typos included, so the trigram index does real work.
const SEARCH_TERMS = ['drake', 'kanye wst', 'taylor', 'the weeknd', 'beyonce', 'eminem', 'ariana', 'rihana', 'kendrick', 'coldplay']

export interface Scenario {
  /** What the row says: the endpoint and why it is in the load. */
  name: string
  method: 'GET' | 'POST'
  path: string
  headers: Record<string, string>
  /** A fresh body per request (registrations need a new email each time). */
  body?: () => string
  /** A path per request (searches vary their term). */
  nextPath?: () => string
}

async function post(apiUrl: string, path: string, body: object) {
  const response = await fetch(`${apiUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(15_000) })
  return { status: response.status, body: (await response.json().catch(() => ({}))) as { accessToken?: string; error?: { code: string; message: string } } }
}

/**
 * An access token for the load-test account: sign in, or register it the first time. Registering
 * once (not per run) keeps the registration rate limit for the registrations under load.
 */
export async function signIn(apiUrl: string): Promise<string> {
  let answer
  try {
    answer = await post(apiUrl, `${API}/auth/login`, LOAD_TEST_USER)
  } catch (error) {
    throw new DevenvError(`the API at ${apiUrl} does not answer (${(error as Error).message})`, 'start the stack first (npm start or tilt up), or point --api-url at it')
  }
  if (answer.status === 401) answer = await post(apiUrl, `${API}/auth/register`, LOAD_TEST_USER)
  if (answer.body.accessToken) return answer.body.accessToken
  const why = answer.body.error ? `${answer.body.error.code}: ${answer.body.error.message}` : `status ${answer.status}`
  throw new DevenvError(
    `could not sign in the load-test account ${LOAD_TEST_USER.email} (${why})`,
    answer.status === 429 ? 'the API\'s sign-in/registration limits are spent for this address; wait for their window (RATE_LIMIT_REGISTER_PER_IP, RATE_LIMIT_LOGIN_PER_IP) or raise them' : undefined,
  )
}

/** Registrations (password hashing), My list and community list reads, and artist searches. */
export function scenarios(accessToken: string): Scenario[] {
  const json = { 'content-type': 'application/json' }
  const auth = { authorization: `Bearer ${accessToken}` }
  let search = 0
  const run = randomBytes(4).toString('hex')
  let registration = 0
  return [
    {
      name: 'POST /auth/register (argon2 hashing)',
      method: 'POST',
      path: `${API}/auth/register`,
      headers: json,
      body: () => JSON.stringify({ email: `load-${run}-${registration++}@ndith.invalid`, password: REGISTRATION_PASSWORD }),
    },
    { name: 'GET /me/blocklist (My list)', method: 'GET', path: `${API}/me/blocklist`, headers: auth },
    { name: 'GET /community-lists', method: 'GET', path: `${API}/community-lists`, headers: auth },
    {
      name: 'GET /artists/search',
      method: 'GET',
      path: `${API}/artists/search?q=drake`,
      headers: auth,
      nextPath: () => `${API}/artists/search?q=${encodeURIComponent(SEARCH_TERMS[search++ % SEARCH_TERMS.length]!)}`,
    },
  ]
}
