import { test } from '@playwright/test'
import { startApi, type RunningApi } from './api-process.ts'
import { EXTERNAL_SKIP_REASON, external, flakyWebUrl, ports } from './environment.ts'

/**
 * For a spec whose tests stop and start the API behind the flaky web server themselves (a real
 * outage): skipped against an external stack, run one after another, and whatever API a test
 * started is stopped after it. `start()` starts one; `current()` is the one running.
 */
export function flakyApiSpec() {
  test.skip(external, EXTERNAL_SKIP_REASON)
  test.use({ baseURL: flakyWebUrl })
  test.describe.configure({ mode: 'serial' })
  let api: RunningApi | undefined
  test.afterEach(async () => {
    await api?.stop()
    api = undefined
  })
  return {
    start: async () => (api = await startApi(ports.flakyApi)),
    current: () => api!,
  }
}
