import type { FastifyInstance } from 'fastify'
import { AccountOperations as ops } from '@ndith/contracts'
import { serve, typed } from '../../lib/routes.ts'
import type { ActivityService } from './service.ts'

/** The signed-in user's own audit trail, newest first. */
export async function activityRoutes(app: FastifyInstance, { activity }: { activity: ActivityService }) {
  serve(typed(app), ops.listMyActivity, async (request) => activity.page(request.userId, request.query))
}
