import type { FastifyBaseLogger } from 'fastify'
import { KEEP_ENFORCED_QUEUE } from './features/enforcement/keep-enforced.ts'
import { enforcementQueue } from './features/enforcement/runs.ts'
import { scanQueue } from './features/library/service.ts'
import type { JobRunner } from './jobs/runner.ts'
import type { Services } from './services.ts'

const SWEEP_INTERVAL_MS = 60_000

/** Every queue startWorkers works for these services (the metrics report their depth, also where the process only enqueues). */
export function jobQueues(services: Pick<Services, 'connectionProviders'>): string[] {
  const providers = Object.keys(services.connectionProviders)
  return [...providers.flatMap((p) => [scanQueue(p), enforcementQueue(p)]), ...(providers.length ? [KEEP_ENFORCED_QUEUE] : [])]
}

/**
 * The background work this process takes on: per offered provider, a scan queue and an enforcement
 * queue (runs and rollbacks); and keep-enforced (automatic runs after a list change). A sweep re-enqueues every unfinished scan and run at start and then
 * every minute, so both survive a restart of this process, a killed worker, or a job that never
 * reached Redis; Postgres says what is left to do.
 */
export function startWorkers(services: Services, jobs: JobRunner, log: FastifyBaseLogger) {
  for (const provider of Object.keys(services.connectionProviders)) {
    jobs.work<{ scanId: string }>(scanQueue(provider), ({ scanId }) => services.scanner(scanId), {
      onGiveUp: (_jobId, data, error) => services.library.giveUp((data as { scanId: string }).scanId, error),
    })
    jobs.work<{ runId: string }>(enforcementQueue(provider), ({ runId }) => services.executor(runId), {
      onGiveUp: (_jobId, data, error) => services.enforcement.runs.giveUp((data as { runId: string }).runId, error),
    })
  }
  // Only with a provider to enforce on: without one there is nothing to keep enforced.
  if (Object.keys(services.connectionProviders).length) {
    jobs.work<{ connectionId: string }>(KEEP_ENFORCED_QUEUE, ({ connectionId }) => services.enforcement.keepEnforced.handle(connectionId))
  }
  const sweep = async () => {
    try {
      const scans = await services.library.resumeUnfinished()
      if (scans) log.info(`re-enqueued ${scans} unfinished library scan(s)`)
      const runs = await services.enforcement.runs.resumeUnfinished()
      if (runs) log.info(`re-enqueued ${runs} unfinished enforcement run(s)`)
      const kept = await services.enforcement.keepEnforced.resumePending()
      if (kept) log.info(`re-enqueued ${kept} keep-enforced change(s) still waiting`)
    } catch (error) {
      log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'could not re-enqueue unfinished work; retrying later')
    }
  }
  void sweep()
  const timer = setInterval(() => void sweep(), SWEEP_INTERVAL_MS)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
