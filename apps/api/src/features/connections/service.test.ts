import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestDatabase } from '../../../test/support/database.ts'
import { startHttpStub, type HttpStub } from '../../../test/support/http-stub.ts'
import { AppError } from '../../lib/app-error.ts'
import { createUser, migratedDatabase, newKey } from './connection-fixtures.ts'
import { openAccessToken, openRefreshToken } from './connection-secrets.ts'
import { codeChallengeS256 } from './pkce.ts'
import { findConnection } from './repository.ts'
import { createConnectionsService } from './service.ts'
import { createSpotifyAdapter } from './spotify-adapter.ts'
import { createTokenVault } from './token-vault.ts'

const ctx = { requestId: 'req-test', ip: '127.0.0.1', userAgent: 'vitest' }
const redirectUri = 'http://127.0.0.1:3000/api/v1/connections/spotify/callback'
const vault = createTokenVault([newKey('k1')])

let database: TestDatabase
let stub: HttpStub
let now = new Date('2026-11-29T12:00:00Z')
/** code → the S256 challenge the simulated consent screen saw with it. */
const issuedCodes = new Map<string, string>()
let issuedCount = 0
let codeCount = 0

beforeAll(async () => {
  database = await migratedDatabase()
  // The accounts service's half of PKCE: the verifier must hash to the challenge the code was issued for.
  stub = await startHttpStub({
    'POST /api/token': (request) => {
      const form = new URLSearchParams(request.body)
      const challenge = issuedCodes.get(form.get('code') ?? '')
      issuedCodes.delete(form.get('code') ?? '')
      if (!challenge || codeChallengeS256(form.get('code_verifier') ?? '') !== challenge) {
        return { status: 400, json: { error: 'invalid_grant', error_description: 'code_verifier was incorrect' } }
      }
      return { json: { access_token: 'issued-access', refresh_token: 'issued-refresh', expires_in: 3600, scope: 'user-library-read user-library-modify' } }
    },
    'GET /v1/me': () => ({ json: { id: `account-${issuedCount++}`, display_name: 'Alice' } }),
  })
})
afterAll(async () => {
  await stub.close()
  await database.drop()
})

function service() {
  const spotify = createSpotifyAdapter({ clientId: 'client-1', accountsUrl: stub.url, apiUrl: `${stub.url}/v1` })
  return createConnectionsService({ db: database.db, vault, providers: { spotify }, clock: () => now })
}

/** What the provider's consent screen does: remember the challenge, hand back a code and the state. */
function consent(authorizeUrl: string, code = `code-${codeCount++}`) {
  const url = new URL(authorizeUrl)
  issuedCodes.set(code, url.searchParams.get('code_challenge')!)
  return { code, state: url.searchParams.get('state')! }
}

const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as AppError)

describe('connecting Spotify with PKCE', () => {
  it('connects: stores the account, display name, scopes and sealed tokens, and audits it', async () => {
    const userId = await createUser(database.db)
    const { authorizeUrl } = await service().beginConnect(userId, { provider: 'spotify', redirectUri, returnTo: '/connections' }, ctx)
    expect(new URL(authorizeUrl).searchParams.get('code_challenge_method')).toBe('S256')

    const { connection, returnTo } = await service().completeConnect(consent(authorizeUrl), ctx)

    expect(returnTo).toBe('/connections')
    expect(connection).toMatchObject({ provider: 'spotify', displayName: 'Alice', status: 'active', scopes: ['user-library-read', 'user-library-modify'] })
    const row = (await findConnection(database.db, connection.id))!
    expect(openAccessToken(vault, row)).toBe('issued-access')
    expect(openRefreshToken(vault, row)).toBe('issued-refresh')
    const audit = await database.db.selectFrom('audit_log').select(['action', 'after']).where('actor_id', '=', userId).orderBy('created_at').execute()
    expect(audit.map((a) => a.action)).toEqual(['connection.authorization_started', 'connection.connected'])
    expect(JSON.stringify(audit)).not.toMatch(/issued-access|issued-refresh/)
  })

  it('keeps neither the state nor the PKCE verifier in plaintext while the sign-in is pending', async () => {
    const userId = await createUser(database.db)
    const { authorizeUrl } = await service().beginConnect(userId, { provider: 'spotify', redirectUri }, ctx)
    const state = new URL(authorizeUrl).searchParams.get('state')!
    const raw = await sql<Record<string, unknown>>`select * from oauth_authorizations where user_id = ${userId}`.execute(database.db)
    expect(raw.rows).toHaveLength(1)
    expect(JSON.stringify(raw.rows[0])).not.toContain(state)
  })

  it('rejects a replayed state: the second callback with the same state connects nothing', async () => {
    const userId = await createUser(database.db)
    const { authorizeUrl } = await service().beginConnect(userId, { provider: 'spotify', redirectUri }, ctx)
    const callback = consent(authorizeUrl)
    await service().completeConnect(callback, ctx)
    const tokenCalls = stub.calls('POST /api/token')

    const error = await rejection(service().completeConnect(callback, ctx))

    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/expired or was already used/) })
    expect(stub.calls('POST /api/token')).toBe(tokenCalls)
  })

  it('rejects an expired state', async () => {
    const userId = await createUser(database.db)
    const { authorizeUrl } = await service().beginConnect(userId, { provider: 'spotify', redirectUri }, ctx)
    const started = now
    now = new Date(started.getTime() + 11 * 60_000)
    try {
      expect(await rejection(service().completeConnect(consent(authorizeUrl), ctx))).toMatchObject({ code: 'BAD_REQUEST' })
    } finally {
      now = started
    }
  })

  it('connects the account to the listener who started the sign-in, whoever brings the callback', async () => {
    const alice = await createUser(database.db)
    const { authorizeUrl } = await service().beginConnect(alice, { provider: 'spotify', redirectUri }, ctx)
    const { connection } = await service().completeConnect(consent(authorizeUrl), ctx)
    const row = await findConnection(database.db, connection.id)
    expect(row?.user_id).toBe(alice)
  })

  it('rejects a sign-in whose PKCE verifier does not match the challenge, connecting nothing', async () => {
    const userId = await createUser(database.db)
    const { authorizeUrl } = await service().beginConnect(userId, { provider: 'spotify', redirectUri }, ctx)
    const callback = consent(authorizeUrl)
    issuedCodes.set(callback.code, codeChallengeS256('a-different-verifier-than-the-one-we-stored-0123456789'))

    const error = await rejection(service().completeConnect(callback, ctx))

    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/PKCE/) })
    expect((await service().overview(userId)).connections).toEqual([])
  })

  it.each([
    ['http://localhost:3000/callback', /localhost, which Spotify refuses/],
    ['http://example.com/callback', /non-loopback/],
  ])('refuses the redirect URI %s and says what to use', async (uri, message) => {
    const userId = await createUser(database.db)
    const error = await rejection(service().beginConnect(userId, { provider: 'spotify', redirectUri: uri }, ctx))
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'redirectUri', message: expect.stringMatching(message) }] })
  })

  it('refuses to return anywhere but a path on this site after the callback', async () => {
    const userId = await createUser(database.db)
    const error = await rejection(service().beginConnect(userId, { provider: 'spotify', redirectUri, returnTo: '//evil.example/x' }, ctx))
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'returnTo' }] })
  })

  it('disconnecting deletes the connection with its tokens and is audited', async () => {
    const userId = await createUser(database.db)
    const { authorizeUrl } = await service().beginConnect(userId, { provider: 'spotify', redirectUri }, ctx)
    const { connection } = await service().completeConnect(consent(authorizeUrl), ctx)

    await service().disconnect(userId, connection.id, ctx)

    expect(await findConnection(database.db, connection.id)).toBeUndefined()
    const audit = await database.db.selectFrom('audit_log').select('action').where('subject_id', '=', connection.id).orderBy('created_at').execute()
    expect(audit.map((a) => a.action)).toEqual(['connection.connected', 'connection.disconnected'])
    expect(await rejection(service().disconnect(userId, connection.id, ctx))).toMatchObject({ code: 'NOT_FOUND' })
  })
})
