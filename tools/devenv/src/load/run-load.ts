import autocannon from 'autocannon'
import type { Scenario } from './scenarios.ts'

export interface EndpointResult {
  name: string
  /** Response times (ms) per status code. */
  byStatus: Map<number, number[]>
  /** Connection errors and timeouts (no status at all). */
  failures: number
  seconds: number
}

/** One endpoint under `connections` concurrent connections for `seconds`. */
function load(apiUrl: string, scenario: Scenario, connections: number, seconds: number): Promise<EndpointResult> {
  const byStatus = new Map<number, number[]>()
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: apiUrl,
        connections,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            method: scenario.method,
            path: scenario.path,
            headers: scenario.headers,
            setupRequest: (request) => ({
              ...request,
              ...(scenario.nextPath ? { path: scenario.nextPath() } : {}),
              ...(scenario.body ? { body: scenario.body() } : {}),
            }),
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error)
        resolve({ name: scenario.name, byStatus, failures: result.errors + result.timeouts, seconds })
      },
    )
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      const times = byStatus.get(statusCode) ?? []
      times.push(responseTime)
      byStatus.set(statusCode, times)
    })
  })
}

/** Every scenario at once (a mixed load: the pool and the CPU are shared), for `seconds`. */
export function runLoad(apiUrl: string, all: Scenario[], connections: number, seconds: number): Promise<EndpointResult[]> {
  return Promise.all(all.map((scenario) => load(apiUrl, scenario, connections, seconds)))
}

export function percentile(sorted: number[], q: number): number | undefined {
  if (!sorted.length) return undefined
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]
}
