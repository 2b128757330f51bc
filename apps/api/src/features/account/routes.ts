import type { FastifyInstance } from 'fastify'
import { AccountOperations as ops } from '@ndith/contracts'
import { clearSessionCookies, useCookies } from '../auth/cookies.ts'
import { requestContext } from '../../lib/request-context.ts'
import { serve, typed } from '../../lib/routes.ts'
import type { ProfileService } from './profile.ts'
import type { AccountService } from './service.ts'

/** Account data: the profile others see, export everything, delete the account. */
export async function accountRoutes(app: FastifyInstance, { account, profile }: { account: AccountService; profile: ProfileService }) {
  await useCookies(app)
  const api = typed(app)
  // The body is a ready-made file (a string), sent as it is.
  serve(api, ops.exportMyData, async (request, reply) => {
    const data = await account.exportData(request.userId, requestContext(request))
    return reply
      .header('content-disposition', `attachment; filename="ndith-account-${data.exportedAt.slice(0, 10)}.json"`)
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2))
  })
  serve(api, ops.getMyProfile, async (request) => profile.get(request.userId))
  serve(api, ops.updateMyProfile, async (request) => profile.update(request.userId, request.body, requestContext(request)))
  serve(api, ops.deleteMyAccount, async (request, reply) => {
    await account.deleteAccount(request.userId, request.body.password, requestContext(request))
    return clearSessionCookies(reply).status(204).send(null)
  })
}
