// The floor: a minimal Fastify server doing only what each hot endpoint must do — verify the
// token (jose, key imported once) and run one equivalent SQL statement (pg, a pool of 10) — with
// nothing else around it. Each API endpoint is measured against it in the same run.
import Fastify, { type FastifyRequest } from 'fastify'
import { jwtVerify } from 'jose'
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely'
import pg from 'pg'
import { POSTGRES_SESSION_OPTIONS } from '../../src/db/database.ts'
import { SECURITY_HEADERS } from '../../src/plugins/security-headers.ts'
import { artistColumnsOf, toArtist } from '../../src/features/artists/mapping.ts'
import { rankedQuery, type SearchRow } from '../../src/features/artists/search.ts'

const ARTIST = artistColumnsOf('a')
// A page of the list with its total and the user's tags, in one statement.
const LIST = `
  select e.id as entry_id, e.tags, e.note, e.created_at, e.updated_at, ${ARTIST},
         count(*) over () as total,
         array(select distinct unnest(tags) from user_artist_blocks where user_id = $1) as all_tags
  from user_artist_blocks e join artists a on a.id = e.artist_id
  where e.user_id = $1
  order by e.created_at desc, e.id limit $2 offset $3`
const ME = `select id, email, created_at from users where id = $1`

export async function startFloor(databaseUrl: string, secret: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, options: POSTGRES_SESSION_OPTIONS })
  // Search runs the API's own statement (features/artists/search.ts), compiled once per query text.
  const compiler = new Kysely<never>({ dialect: new PostgresDialect({ pool }) })
  const statements = new Map<string, CompiledQuery<SearchRow>>()
  const statementFor = (q: string, userId: string) => {
    const key = `${userId} ${q}`
    let statement = statements.get(key)
    if (!statement) statements.set(key, (statement = rankedQuery(q, { limit: 21, offset: 0 }, userId, false).compile(compiler)))
    return statement
  }
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify'])
  const userOf = async (request: FastifyRequest) => {
    const token = request.headers.authorization?.slice('Bearer '.length) ?? ''
    const { payload } = await jwtVerify(token, key, { issuer: 'ndith-api', audience: 'ndith', algorithms: ['HS256'], requiredClaims: ['exp', 'iat', 'sub'] })
    return payload.sub!
  }
  const toEntry = (r: Record<string, unknown>) => ({
    id: r.entry_id, tags: r.tags, note: r.note, createdAt: (r.created_at as Date).toISOString(), updatedAt: (r.updated_at as Date).toISOString(),
    artist: { id: r.id, name: r.canonical_name, aliases: r.aliases, imageUrl: r.image_url, genres: r.genres, externalIds: {} },
  })
  const list = async (userId: string) => {
    const { rows } = await pool.query(LIST, [userId, 25, 0])
    return { items: rows.map(toEntry), total: Number(rows[0]?.total ?? 0), limit: 25, offset: 0, tags: rows[0]?.all_tags ?? [] }
  }
  const search = async (q: string, userId: string) => {
    const { sql, parameters } = statementFor(q, userId)
    const { rows } = await pool.query<SearchRow>(sql, parameters as unknown[])
    return { items: rows.slice(0, 20).map((r) => ({ ...toArtist(r), score: r.score, onList: r.on_list })), hasMore: rows.length > 20, limit: 20, offset: 0 }
  }

  const app = Fastify()
  app.get('/bare', async () => ({ status: 'ok' }))
  // The same route sending the security headers every API response must carry: the bytes a
  // compliant server writes anyway, set in one call, as cheaply as they can be.
  const headers = Object.fromEntries(SECURITY_HEADERS)
  app.get('/bare-headers', async (_request, reply) => reply.headers(headers).send({ status: 'ok' }))
  app.get('/me', async (request) => {
    const { rows } = await pool.query(ME, [await userOf(request)])
    return { user: { id: rows[0].id, email: rows[0].email, createdAt: rows[0].created_at.toISOString() } }
  })
  app.get('/list', async (request) => list(await userOf(request)))
  app.get<{ Querystring: { user: string } }>('/list-bare', async (request) => list(request.query.user))
  app.get<{ Querystring: { q: string; user: string } }>('/search-bare', async (request) => search(request.query.q, request.query.user))
  app.addHook('onClose', () => pool.end())
  return app
}
