import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { DeleteAccountRequest, REFRESH_COOKIE, AUTH_BASE_PATH } from '@ndith/contracts'
import { errorResponses, fileResponse } from '../../lib/http.ts'
import { requestContext } from '../../lib/request-context.ts'
import type { AccountService } from './service.ts'

/** Account data under /api/v1/me: export everything, delete the account. */
export async function accountRoutes(app: FastifyInstance, { account }: { account: AccountService }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['account']

  // Untyped like the list export: the body is a ready-made file.
  app.get('/export', {
    schema: {
      operationId: 'exportMyData',
      tags,
      summary: 'Download all of my data as JSON',
      response: { 200: fileResponse('Everything stored about me, as a JSON file', ['application/json']), ...errorResponses(401) },
    },
  }, async (request, reply) => {
    const data = await account.exportData(request.userId, requestContext(request))
    return reply
      .header('content-disposition', `attachment; filename="ndith-account-${data.exportedAt.slice(0, 10)}.json"`)
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2))
  })

  api.delete('', {
    schema: { operationId: 'deleteMyAccount', tags, summary: 'Delete my account (re-enter the password)', body: DeleteAccountRequest, response: { 204: { type: 'null' }, ...errorResponses(400, 401) } },
  }, async (request, reply) => {
    await account.deleteAccount(request.userId, request.body.password, requestContext(request))
    return reply.clearCookie(REFRESH_COOKIE, { path: AUTH_BASE_PATH }).status(204).send(null)
  })
}
