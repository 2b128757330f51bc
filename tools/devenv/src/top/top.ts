import { DevenvError } from '../lib/errors.ts'
import type { StackOptions } from '../stack/options.ts'
import { loadSecrets, secretsDir } from '../stack/secrets.ts'
import type { Target } from '../stack/target.ts'
import { scrape } from './exposition.ts'
import { processFigures, type Snapshot } from './figures.ts'
import { renderProcess } from './render.ts'

export interface MetricsEndpoint {
  name: 'API' | 'worker'
  url: string
  /** A missing worker is fine on npm start (the API runs the jobs itself). */
  required: boolean
}

export const metricsEndpoints = (target: Target): MetricsEndpoint[] => [
  { name: 'API', url: `${target.apiUrl}/metrics`, required: true },
  { name: 'worker', url: `${target.worker.url}/metrics`, required: target.worker.required },
]

/** The METRICS_TOKEN to send: the flag's, $METRICS_TOKEN, or the Tilt stack's generated one. */
export function metricsToken(flag: string | undefined, stack: Pick<StackOptions, 'stack' | 'namespace'>): string | undefined {
  return flag || process.env.METRICS_TOKEN || (stack.stack === 'tilt' ? loadSecrets(stack.namespace, secretsDir())?.metricsToken : undefined)
}

/**
 * Scrapes every endpoint once and renders their figures (since the previous snapshots when given,
 * since each process started otherwise). `ok` is false when a required endpoint could not be read.
 */
export async function topSnapshot(endpoints: MetricsEndpoint[], token: string | undefined, previous?: Map<string, Snapshot>) {
  const snapshots = new Map<string, Snapshot>()
  let ok = true
  const blocks = await Promise.all(
    endpoints.map(async (endpoint) => {
      try {
        const now: Snapshot = { samples: await scrape(endpoint.url, token), at: Date.now() }
        snapshots.set(endpoint.url, now)
        return renderProcess(endpoint.name, endpoint.url, processFigures(now, previous?.get(endpoint.url)))
      } catch (error) {
        if (!(error instanceof DevenvError)) throw error
        if (endpoint.required) ok = false
        const note = endpoint.required ? '' : ' (none here: the API runs the jobs itself)'
        return `${endpoint.name}  ${error.message}${note}${error.fix && endpoint.required ? `\n  fix: ${error.fix}` : ''}`
      }
    }),
  )
  return { text: blocks.join('\n\n'), ok, snapshots }
}
