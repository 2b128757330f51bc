import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { TestDatabase } from '../../../test/support/database.ts'
import { startHttpStub, type HttpStub, type StubHandler } from '../../../test/support/http-stub.ts'
import { createConnection, migratedDatabase, newKey } from './connection-fixtures.ts'
import { openAccessToken, openRefreshToken } from './connection-secrets.ts'
import { ReconnectRequiredError } from './provider-errors.ts'
import { findConnection } from './repository.ts'
import { createSpotifyAdapter } from './spotify-adapter.ts'
import { createTokenRefresher } from './token-refresher.ts'
import { createTokenVault } from './token-vault.ts'

let database: TestDatabase
const vault = createTokenVault([newKey('k1')])
const now = new Date('2026-11-29T12:00:00Z')
const clock = () => now
const expired = new Date(now.getTime() - 1000)
const inAnHour = new Date(now.getTime() + 3600_000)

let stub: HttpStub | undefined
beforeAll(async () => {
  database = await migratedDatabase()
})
afterEach(async () => {
  await stub?.close()
  stub = undefined
})
afterAll(() => database.drop())

/** A token endpoint that answers each refresh with numbered tokens once the test lets it. */
function tokenEndpoint(options: { answer?: StubHandler } = {}) {
  let issued = 0
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let arrived!: () => void
  const firstArrival = new Promise<void>((resolve) => (arrived = resolve))
  const handler: StubHandler = async (request) => {
    arrived()
    await released
    if (options.answer) return options.answer(request)
    issued += 1
    return { json: { access_token: `fresh-access-${issued}`, refresh_token: `fresh-refresh-${issued}`, expires_in: 3600, scope: 'user-library-read', token_type: 'Bearer' } }
  }
  return { handler, release, firstArrival }
}

async function refresherAgainst(routes: Record<string, StubHandler>) {
  stub = await startHttpStub(routes)
  const spotify = createSpotifyAdapter({ clientId: 'test-client', accountsUrl: stub.url, apiUrl: `${stub.url}/v1`, now: () => now.getTime() })
  const make = () => createTokenRefresher({ db: database.db, vault, providers: { spotify }, clock })
  return { spotify, make, stub }
}

describe('single-flight token refresh', () => {
  it('uses a token that is still fresh without calling the provider', async () => {
    const endpoint = tokenEndpoint()
    const { make, stub } = await refresherAgainst({ 'POST /api/token': endpoint.handler })
    const connection = await createConnection(database.db, vault, inAnHour)
    expect(await make().accessToken(connection.id)).toBe(connection.accessToken)
    expect(stub.calls('POST /api/token')).toBe(0)
  })

  it('concurrent callers in one process make one refresh call and all get the new token', async () => {
    const endpoint = tokenEndpoint()
    const { make, stub } = await refresherAgainst({ 'POST /api/token': endpoint.handler })
    const connection = await createConnection(database.db, vault, expired)
    const refresher = make()

    const callers = Array.from({ length: 6 }, () => refresher.accessToken(connection.id))
    await endpoint.firstArrival
    endpoint.release()
    const tokens = await Promise.all(callers)

    expect(stub.calls('POST /api/token')).toBe(1)
    expect(new Set(tokens)).toEqual(new Set(['fresh-access-1']))
    const form = new URLSearchParams(stub.requests[0]!.body)
    expect(Object.fromEntries(form)).toEqual({ grant_type: 'refresh_token', refresh_token: connection.refreshToken, client_id: 'test-client' })
    const row = (await findConnection(database.db, connection.id))!
    expect(openAccessToken(vault, row)).toBe('fresh-access-1')
    expect(openRefreshToken(vault, row)).toBe('fresh-refresh-1')
    expect(row.expires_at).toEqual(new Date(now.getTime() + 3600_000))
  })

  it('two processes refreshing after the same 401 make one call: the second uses the token the first stored', async () => {
    const endpoint = tokenEndpoint()
    const { make, stub } = await refresherAgainst({ 'POST /api/token': endpoint.handler })
    const connection = await createConnection(database.db, vault, inAnHour)
    const [processA, processB] = [make(), make()]

    const both = [processA.afterRejected(connection.id, connection.accessToken), processB.afterRejected(connection.id, connection.accessToken)]
    await endpoint.firstArrival
    endpoint.release()

    expect(await Promise.all(both)).toEqual(['fresh-access-1', 'fresh-access-1'])
    expect(stub.calls('POST /api/token')).toBe(1)
  })

  it('keeps the stored refresh token when the provider does not send a new one', async () => {
    const { make } = await refresherAgainst({ 'POST /api/token': () => ({ json: { access_token: 'only-access', expires_in: 3600 } }) })
    const connection = await createConnection(database.db, vault, expired)
    expect(await make().accessToken(connection.id)).toBe('only-access')
    expect(openRefreshToken(vault, (await findConnection(database.db, connection.id))!)).toBe(connection.refreshToken)
  })

  it('a revoked grant marks the connection needs_reauth, drops its tokens and is audited', async () => {
    const { make } = await refresherAgainst({
      'POST /api/token': () => ({ status: 400, json: { error: 'invalid_grant', error_description: 'Refresh token revoked' } }),
    })
    const connection = await createConnection(database.db, vault, expired)
    const refresher = make()

    await expect(refresher.accessToken(connection.id)).rejects.toThrow(ReconnectRequiredError)

    const row = (await findConnection(database.db, connection.id))!
    expect(row).toMatchObject({ status: 'needs_reauth', access_token_encrypted: null, refresh_token_encrypted: null })
    const audit = await database.db.selectFrom('audit_log').selectAll().where('subject_id', '=', connection.id).execute()
    expect(audit.map((a) => a.action)).toEqual(['connection.needs_reauth'])
    await expect(refresher.accessToken(connection.id)).rejects.toThrow(/needs to be connected again/)
  })

  it('the adapter answers a 401 by refreshing once and retrying the call with the new token', async () => {
    const endpoint = tokenEndpoint()
    const { make, spotify, stub } = await refresherAgainst({
      'POST /api/token': endpoint.handler,
      'GET /v1/me': (request) => request.headers.authorization === 'Bearer fresh-access-1'
        ? { json: { id: 'listener-1', display_name: 'Listener One' } }
        : { status: 401, json: { error: { status: 401, message: 'The access token expired' } } },
    })
    endpoint.release()
    const connection = await createConnection(database.db, vault, inAnHour)

    const account = await spotify.me(make().tokenSource(connection.id))

    expect(account).toEqual({ id: 'listener-1', displayName: 'Listener One' })
    expect(stub.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/me', 'POST /api/token', 'GET /v1/me'])
  })
})
