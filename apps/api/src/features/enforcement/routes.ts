import type { FastifyInstance } from 'fastify'
import { EnforcementOperations as ops } from '@ndith/contracts'
import { requestContext } from '../../lib/request-context.ts'
import { serve, typed } from '../../lib/routes.ts'
import type { KeepEnforcedService } from './keep-enforced.ts'
import type { RunService } from './runs.ts'
import type { PlanService } from './service.ts'

/** Enforcement: options, plans (dry runs), runs with progress, rollbacks. */
export async function enforcementRoutes(app: FastifyInstance, { plans, runs, keepEnforced }: { plans: PlanService; runs: RunService; keepEnforced: KeepEnforcedService }) {
  const api = typed(app)
  serve(api, ops.getEnforcementOptions, async (request) => plans.options(request.userId))
  serve(api, ops.updateEnforcementOptions, async (request) => plans.updateOptions(request.userId, request.body, requestContext(request)))
  serve(api, ops.getKeepEnforced, async (request) => keepEnforced.get(request.userId, request.params.id))
  serve(api, ops.setKeepEnforced, async (request) => keepEnforced.set(request.userId, request.params.id, request.body, requestContext(request)))
  serve(api, ops.createPlan, async (request, reply) =>
    reply.status(201).send(await plans.createPlan(request.userId, request.params.id, request.body ?? {}, requestContext(request))))
  serve(api, ops.getPlan, async (request) => plans.plan(request.userId, request.params.id))
  serve(api, ops.listPlanActions, async (request) => plans.actions(request.userId, request.params.id, request.query))
  serve(api, ops.listPlanSkipped, async (request) => plans.skipped(request.userId, request.params.id, request.query))
  serve(api, ops.startRun, async (request, reply) => reply.status(202).send(await runs.startRun(request.userId, request.params.id, requestContext(request))))
  serve(api, ops.listRuns, async (request) => runs.runs(request.userId, request.params.id, request.query))
  serve(api, ops.getRun, async (request) => runs.run(request.userId, request.params.id))
  serve(api, ops.listRunItems, async (request) => runs.items(request.userId, request.params.id, request.query))
  serve(api, ops.previewRollback, async (request) => runs.previewRollback(request.userId, request.params.id, request.body ?? {}))
  serve(api, ops.startRollback, async (request, reply) =>
    reply.status(202).send(await runs.startRollback(request.userId, request.params.id, request.body ?? {}, requestContext(request))))
}
