import { RateLimited, type JobRunner } from '../jobs/runner.ts'
import type { AppMetrics } from './metrics.ts'

/**
 * The job runner (BullMQ or in-process) with each job's outcome counted and the queues it has
 * seen remembered, whose depth the metrics then read on every scrape.
 */
export function instrumentJobs(jobs: JobRunner, metrics: AppMetrics): JobRunner & { track(queues: string[]): void } {
  const queues = new Set<string>()
  metrics.watchQueues({ names: () => [...queues], depth: (queue) => jobs.depth(queue) })
  return {
    ...jobs,
    /** Queues to report before this process has touched them (an API that only enqueues, just started). */
    track(names) {
      for (const name of names) queues.add(name)
    },
    enqueue(queue, jobId, data, options) {
      queues.add(queue)
      return jobs.enqueue(queue, jobId, data, options)
    },
    work(queue, handler, options = {}) {
      queues.add(queue)
      jobs.work(
        queue,
        async (data, context) => {
          try {
            await handler(data as never, context)
            metrics.jobs.inc({ queue, outcome: 'completed' })
          } catch (error) {
            metrics.jobs.inc({ queue, outcome: error instanceof RateLimited ? 'rate_limited' : 'failed' })
            throw error
          }
        },
        {
          ...options,
          onGiveUp: async (jobId, data, error) => {
            metrics.jobs.inc({ queue, outcome: 'gave_up' })
            await options.onGiveUp?.(jobId, data, error)
          },
        },
      )
    },
    depth: (queue) => jobs.depth(queue),
    close: () => jobs.close(),
  }
}
