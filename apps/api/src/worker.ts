import pino from 'pino'
import { ConfigError, loadConfig, loadWorkerConfig } from './config.ts'
import { configuredProviders } from './features/artists/provider-clients.ts'
import { openInfrastructure } from './infrastructure.ts'
import { bullmqRunner } from './jobs/bullmq-runner.ts'
import type { JobRunner } from './jobs/runner.ts'
import { loggerOptions } from './logger.ts'
import { buildServices } from './services.ts'
import { workerProbeServer } from './worker-probes.ts'
import { instrumentJobs } from './metrics/jobs.ts'
import { processMetrics } from './metrics/process-metrics.ts'
import { startWorkers } from './workers.ts'

// The worker process: the API image with another command (its own Deployment). It reads the API's
// configuration, opens Postgres and Redis with the same retry, works the shared BullMQ queues
// (the API then runs with RUN_WORKERS=false), answers probes on WORKER_PORT and drains on SIGTERM.

/** How long SIGTERM waits for running jobs; what is left is resumed from Postgres by the next worker. */
const DRAIN_TIMEOUT_MS = 45_000

function readConfig() {
  try {
    const config = loadConfig()
    return { config, worker: loadWorkerConfig(config) }
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`)
      process.exit(1)
    }
    throw error
  }
}

const { config, worker } = readConfig()
const log = pino(loggerOptions(config.logLevel, config.logFormat))
const { database, store } = await openInfrastructure(config, log)
// /metrics on the probe port: the pool, query times, Redis, the queues' depth, job outcomes, CPU and memory.
const metrics = processMetrics(config.metricsToken, database, store)
const jobs = instrumentJobs(bullmqRunner(worker.redisUrl, { prefix: config.jobsPrefix, onError: (error) => log.warn({ reason: error.message }, 'job queue: redis connection problem; reconnecting') }), metrics)
const services = buildServices({ db: database.db, store, config, clock: () => new Date(), providers: configuredProviders(config), jobs, log })

// The queues the workers take on, recorded as they start, for /ready's depths.
const queues: string[] = []
const recording: JobRunner = {
  ...jobs,
  work(queue, handler, options) {
    queues.push(queue)
    jobs.work(queue, handler, options)
  },
}
const workers = startWorkers(services, recording, log)
log.info(`worker: working ${queues.join(', ') || 'no queue (no streaming provider configured: set SIMULATOR_URL or SPOTIFY_CLIENT_ID, and TOKEN_ENCRYPTION_KEYS)'}`)

let draining = false
const probes = workerProbeServer({ health: services.health, jobs, queues: () => queues, draining: () => draining, log, metrics })

async function shutdown(signal: string) {
  if (draining) return
  draining = true
  log.info(`${signal} received: taking no new jobs, letting the running ones finish, then closing`)
  const force = setTimeout(() => {
    log.error(`jobs still running after ${DRAIN_TIMEOUT_MS / 1000} s; exiting (they resume from their last committed step)`)
    process.exit(1)
  }, DRAIN_TIMEOUT_MS).unref()
  workers.stop()
  // BullMQ's close stops fetching and waits for the jobs in progress; each commits to Postgres.
  await jobs.close()
  await Promise.allSettled([database.db.destroy(), store.close()])
  // The probes answer (/ready 503) until the very end.
  probes.closeAllConnections()
  await new Promise((resolve) => probes.close(resolve))
  clearTimeout(force)
  log.info('closed')
  process.exit(0)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))

probes.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') log.fatal(`port ${worker.port} on ${config.host} is already in use: stop the other process (\`lsof -i :${worker.port}\`) or set WORKER_PORT`)
  else log.fatal({ err: error }, 'could not start listening')
  process.exit(1)
})
probes.listen(worker.port, config.host, () => log.info(`worker probes listening at http://${config.host}:${worker.port} (/health, /ready, /metrics)`))
