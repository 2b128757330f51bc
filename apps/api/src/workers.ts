import type { FastifyBaseLogger } from 'fastify'
import { scanQueue } from './features/library/service.ts'
import type { JobRunner } from './jobs/runner.ts'
import type { Services } from './services.ts'

const SWEEP_INTERVAL_MS = 60_000

/**
 * The background work this process takes on: one scan queue per offered provider. A sweep
 * re-enqueues every unfinished scan at start and then every minute, so a scan survives a restart
 * of this process, a killed worker, or a job that never reached Redis.
 */
export function startWorkers(services: Services, jobs: JobRunner, log: FastifyBaseLogger) {
  for (const provider of Object.keys(services.connectionProviders)) {
    jobs.work<{ scanId: string }>(scanQueue(provider), ({ scanId }) => services.scanner(scanId), {
      onGiveUp: (_jobId, data, error) => services.library.giveUp((data as { scanId: string }).scanId, error),
    })
  }
  const sweep = () =>
    services.library.resumeUnfinished()
      .then((count) => count && log.info(`re-enqueued ${count} unfinished library scan(s)`))
      .catch((error: unknown) => log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'could not re-enqueue unfinished scans; retrying later'))
  void sweep()
  const timer = setInterval(sweep, SWEEP_INTERVAL_MS)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
