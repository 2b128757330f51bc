import { ConnectionIdParams } from '../connections.ts'
import {
  CreatePlanRequest,
  EnforcementOptions,
  EnforcementOptionsResponse,
  EnforcementPlan,
  EnforcementRun,
  EnforcementRunPage,
  KeepEnforced,
  KeepEnforcedRequest,
  PlanActionPage,
  PlanActionsQuery,
  PlanIdParams,
  RollbackPreview,
  RollbackRequest,
  RunIdParams,
  RunItemPage,
  RunItemsQuery,
  RunsQuery,
  SkippedItemPage,
  SkippedItemsQuery,
} from '../enforcement.ts'
import { operation, operations } from '../operation.ts'

/** Enforcement: an explained plan (dry run), a durable run with progress, and its rollback. */
export const EnforcementOperations = operations('enforcement', {
  getEnforcementOptions: operation('GET', '/me/enforcement/options', 'My enforcement options (defaults until changed)', { response: { 200: EnforcementOptionsResponse } }, [401]),
  updateEnforcementOptions: operation('PUT', '/me/enforcement/options', 'Remember my enforcement options', { body: EnforcementOptions, response: { 200: EnforcementOptionsResponse } }, [400, 401]),
  getKeepEnforced: operation('GET', '/me/connections/:id/keep-enforced', 'Whether this account is kept enforced when my list changes', { params: ConnectionIdParams, response: { 200: KeepEnforced } }, [400, 401, 404]),
  setKeepEnforced: operation('PUT', '/me/connections/:id/keep-enforced', 'Turn "keep it enforced" on or off: when my list changes, remove what the change adds (from the latest scan, with my options)', { params: ConnectionIdParams, body: KeepEnforcedRequest, response: { 200: KeepEnforced } }, [400, 401, 404]),
  createPlan: operation('POST', '/me/connections/:id/plans', "Plan (dry run) what enforcing my list would do to this account's scanned library", { params: ConnectionIdParams, body: CreatePlanRequest, response: { 201: EnforcementPlan } }, [400, 401, 404, 409]),
  getPlan: operation('GET', '/me/plans/:id', 'A plan again: its options, fingerprint and counts', { params: PlanIdParams, response: { 200: EnforcementPlan } }, [400, 401, 404]),
  listPlanActions: operation('GET', '/me/plans/:id/actions', "A plan's actions, each with its reason", { params: PlanIdParams, querystring: PlanActionsQuery, response: { 200: PlanActionPage } }, [400, 401, 404]),
  listPlanSkipped: operation('GET', '/me/plans/:id/skipped', 'What the plan leaves alone, and why', { params: PlanIdParams, querystring: SkippedItemsQuery, response: { 200: SkippedItemPage } }, [400, 401, 404]),
  startRun: operation('POST', '/me/plans/:id/runs', 'Run a plan in the background (409 when the library changed since: re-plan)', { params: PlanIdParams, response: { 202: EnforcementRun } }, [400, 401, 404, 409, 503]),
  listRuns: operation('GET', '/me/connections/:id/runs', "The account's runs and rollbacks, newest first", { params: ConnectionIdParams, querystring: RunsQuery, response: { 200: EnforcementRunPage } }, [400, 401, 404]),
  getRun: operation('GET', '/me/runs/:id', "A run's progress", { params: RunIdParams, response: { 200: EnforcementRun } }, [400, 401, 404]),
  listRunItems: operation('GET', '/me/runs/:id/items', "A run's items and their results", { params: RunIdParams, querystring: RunItemsQuery, response: { 200: RunItemPage } }, [400, 401, 404]),
  previewRollback: operation('POST', '/me/runs/:id/rollback-preview', 'What rolling back the run (or chosen items) would put back, and what not exactly', { params: RunIdParams, body: RollbackRequest, response: { 200: RollbackPreview } }, [400, 401, 404, 409]),
  startRollback: operation('POST', '/me/runs/:id/rollback', 'Put back what a run removed (all of it or chosen items), as a run of its own', { params: RunIdParams, body: RollbackRequest, response: { 202: EnforcementRun } }, [400, 401, 404, 409, 503]),
})
