import { spawnSync } from 'node:child_process'
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test'
import { SUITE_ARTISTS, type CatalogArtist } from './catalog.ts'
import { externalBaseUrl, externalDevenvArgs, repoRoot, simulatorUrl } from './environment.ts'
import { VALID_PASSWORD, uniqueEmail } from './users.ts'

/** The first answer of `url` within `seconds` (a stack that has just been deployed may still be starting). */
async function answers(url: string, seconds: number): Promise<string | undefined> {
  let last = 'no answer'
  for (const deadline = Date.now() + seconds * 1000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 1000))) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) })
      if (response.ok) return undefined
      last = `HTTP ${response.status}`
    } catch (error) {
      last = String((error as { cause?: { code?: string } }).cause?.code ?? error)
    }
  }
  return last
}

/** The suite's artists the stack's catalog lacks, asked through its API (search by name, matched by Spotify id). */
async function missingArtists(api: APIRequestContext, accessToken: string): Promise<CatalogArtist[]> {
  const missing: CatalogArtist[] = []
  for (const artist of SUITE_ARTISTS) {
    const response = await api.get('/api/v1/artists/search', { params: { q: artist.name, limit: 20 }, headers: { authorization: `Bearer ${accessToken}` } })
    if (!response.ok()) throw new Error(`artist search on ${externalBaseUrl}: HTTP ${response.status()} ${await response.text()}`)
    const { items } = (await response.json()) as { items: { name: string; externalIds: { spotify?: string | null } }[] }
    if (!items.some((a) => a.externalIds.spotify === artist.spotifyId)) missing.push(artist)
  }
  return missing
}

/**
 * Playwright's global setup against an external stack: checks that the web app (and the API behind
 * its /api) and the simulator answer, and that the stack's catalog has the artists the specs search
 * for. When it lacks some and E2E_DEVENV_ARGS names the stack, `devenv seed` adds them (idempotent);
 * otherwise the run stops with what to do. Nothing is written to any database directly.
 */
export default async function externalStackSetup(): Promise<void> {
  if (!externalBaseUrl) return
  console.log(`e2e against the running stack at ${externalBaseUrl} (simulator ${simulatorUrl}); no servers are started`)
  const web = await answers(`${externalBaseUrl}/`, 60)
  if (web) throw new Error(`E2E_BASE_URL=${externalBaseUrl} does not answer (${web}): is the stack up and its web port forwarded?`)
  const simulator = await answers(`${simulatorUrl}/health`, 30)
  if (simulator) throw new Error(`the Spotify simulator at ${simulatorUrl} does not answer (${simulator}): set E2E_SIMULATOR_URL to its forwarded port`)

  const api = await playwrightRequest.newContext({ baseURL: externalBaseUrl })
  try {
    // A throwaway account of its own: the artist search needs a session.
    const registered = await api.post('/api/v1/auth/register', { data: { email: uniqueEmail('e2e-setup'), password: VALID_PASSWORD } })
    if (registered.status() !== 201) throw new Error(`registering through ${externalBaseUrl}/api: HTTP ${registered.status()} ${await registered.text()}`)
    const { accessToken } = (await registered.json()) as { accessToken: string }
    let missing = await missingArtists(api, accessToken)
    if (missing.length && externalDevenvArgs.length) {
      console.log(`The stack's catalog lacks ${missing.map((a) => a.name).join(', ')}: devenv seed ${externalDevenvArgs.join(' ')}`)
      const seeded = spawnSync('node', ['tools/devenv/bin/devenv.js', 'seed', ...externalDevenvArgs], { cwd: repoRoot, stdio: 'inherit' })
      if (seeded.status !== 0) throw new Error(`devenv seed ${externalDevenvArgs.join(' ')} exited with ${seeded.status}`)
      missing = await missingArtists(api, accessToken)
    }
    if (missing.length) {
      throw new Error(
        `The stack's catalog lacks ${missing.map((a) => a.name).join(', ')}, which the specs search for. Seed it: the db-seed ` +
          'trigger in Tilt, `npx devenv seed` with the stack options, or set E2E_DEVENV_ARGS (e.g. "--stack tilt --offset 0") and the suite runs it.',
      )
    }
    console.log(`The stack's catalog has the suite's ${SUITE_ARTISTS.length} artists.`)
  } finally {
    await api.dispose()
  }
}
