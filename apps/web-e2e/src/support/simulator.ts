import { expect, type APIRequestContext } from '@playwright/test'
import { simulatorUrl } from './environment.ts'

/** Changes the simulator's faults (latency, rate limits, ...) through its admin endpoint. */
export async function simulatorFaults(request: APIRequestContext, faults: Record<string, unknown>) {
  const response = await request.put(`${simulatorUrl}/admin/faults`, { data: faults })
  expect(response.status(), await response.text()).toBe(200)
}
