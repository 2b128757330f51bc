import type * as Contract from '@ndith/contracts'
import type { ApiClient } from './client.ts'

type PageQuery = { limit?: number; offset?: number }

/** Enforcement: remembered options, plans (dry runs) with their reasons, runs with progress, rollbacks. */
export interface EnforcementApi {
  options(signal?: AbortSignal): Promise<Contract.EnforcementOptionsResponse>
  saveOptions(options: Contract.EnforcementOptions): Promise<Contract.EnforcementOptionsResponse>
  /** Plans from the latest scan with the remembered options; 409 CONFLICT before a scan completed. */
  plan(connectionId: string): Promise<Contract.EnforcementPlan>
  actions(planId: string, query?: Contract.PlanActionsQuery): Promise<Contract.PlanActionPage>
  skipped(planId: string, query?: Contract.SkippedItemsQuery): Promise<Contract.SkippedItemPage>
  /** Starts a run of the plan; 409 CONFLICT when the plan is stale (re-plan) or a run is already going. */
  run(planId: string): Promise<Contract.EnforcementRun>
  runs(connectionId: string, query?: PageQuery, signal?: AbortSignal): Promise<Contract.EnforcementRunPage>
  getRun(runId: string, signal?: AbortSignal): Promise<Contract.EnforcementRun>
  runItems(runId: string, query?: Contract.RunItemsQuery): Promise<Contract.RunItemPage>
  /** What a rollback of the run (or of the chosen items) would put back, and what not exactly. */
  previewRollback(runId: string, itemIds?: readonly string[]): Promise<Contract.RollbackPreview>
  rollback(runId: string, itemIds?: readonly string[]): Promise<Contract.EnforcementRun>
  /** Whether the account is kept enforced when the list changes. */
  keepEnforced(connectionId: string, signal?: AbortSignal): Promise<Contract.KeepEnforced>
  setKeepEnforced(connectionId: string, enabled: boolean): Promise<Contract.KeepEnforced>
}

const id = encodeURIComponent
const chosen = (itemIds?: readonly string[]) => (itemIds && itemIds.length > 0 ? { itemIds } : {})

export function createEnforcementApi(client: ApiClient): EnforcementApi {
  return {
    options: (signal) => client.get('/me/enforcement/options', {}, signal),
    saveOptions: (options) => client.send('PUT', '/me/enforcement/options', options),
    plan: (connectionId) => client.send('POST', `/me/connections/${id(connectionId)}/plans`, {}),
    actions: (planId, query = {}) => client.get(`/me/plans/${id(planId)}/actions`, { ...query }),
    skipped: (planId, query = {}) => client.get(`/me/plans/${id(planId)}/skipped`, { ...query }),
    run: (planId) => client.send('POST', `/me/plans/${id(planId)}/runs`),
    runs: (connectionId, query = {}, signal) => client.get(`/me/connections/${id(connectionId)}/runs`, { ...query }, signal),
    getRun: (runId, signal) => client.get(`/me/runs/${id(runId)}`, {}, signal),
    runItems: (runId, query = {}) => client.get(`/me/runs/${id(runId)}/items`, { ...query }),
    previewRollback: (runId, itemIds) => client.send('POST', `/me/runs/${id(runId)}/rollback-preview`, chosen(itemIds)),
    rollback: (runId, itemIds) => client.send('POST', `/me/runs/${id(runId)}/rollback`, chosen(itemIds)),
    keepEnforced: (connectionId, signal) => client.get(`/me/connections/${id(connectionId)}/keep-enforced`, {}, signal),
    setKeepEnforced: (connectionId, enabled) => client.send('PUT', `/me/connections/${id(connectionId)}/keep-enforced`, { enabled }),
  }
}
