import pino from 'pino'
import { buildApp } from './app.ts'
import { ConfigError, loadConfig, type Config } from './config.ts'
import { configuredProviders } from './features/artists/provider-clients.ts'
import { openInfrastructure } from './infrastructure.ts'
import { bullmqRunner } from './jobs/bullmq-runner.ts'
import { inProcessRunner } from './jobs/in-process-runner.ts'
import { instrumentJobs } from './metrics/jobs.ts'
import { processMetrics } from './metrics/process-metrics.ts'
import { jobQueues, startWorkers } from './workers.ts'
import { loggerOptions } from './logger.ts'

// The process: read config → open Postgres/Redis with retry → build the app → listen → drain on SIGTERM.

function readConfig(): Config {
  try {
    return loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`)
      process.exit(1)
    }
    throw error
  }
}

const config = readConfig()
const log = pino(loggerOptions(config.logLevel, config.logFormat))
const { database, store } = await openInfrastructure(config, log)
const providers = configuredProviders(config)
log.info(`catalog providers: ${Object.keys(providers).join(', ') || 'none (set SPOTIFY_CLIENT_ID/SECRET or MUSICBRAINZ_USER_AGENT to grow the catalog from links)'}`)
// /metrics: requests (plugins/metrics.ts), the pool, query times, Redis, the queues and job outcomes.
const metrics = processMetrics(config.metricsToken, database, store)
const jobs = instrumentJobs(
  config.redisUrl
    ? bullmqRunner(config.redisUrl, { prefix: config.jobsPrefix, onError: (error) => log.warn({ reason: error.message }, 'job queue: redis connection problem; reconnecting') })
    : inProcessRunner(),
  metrics,
)
const app = await buildApp({ db: database.db, store, config, logger: log, providers, jobs, metrics })
jobs.track(jobQueues(app.services))
const offered = Object.keys(app.services.connectionProviders)
log.info(`streaming connections: ${offered.join(', ') || 'none (set SIMULATOR_URL for the Spotify simulator, SPOTIFY_CLIENT_ID for Spotify; with DATABASE_URL also TOKEN_ENCRYPTION_KEYS)'}; jobs: ${jobs.kind}`)
// The worker can run in its own process (src/worker.ts, its own Deployment); RUN_WORKERS=false then.
const workers = config.runWorkers ? startWorkers(app.services, jobs, log) : undefined
if (!config.runWorkers && !config.redisUrl) {
  log.warn('RUN_WORKERS=false without REDIS_URL: jobs stay in this process and nothing runs them; set REDIS_URL and run the worker (src/worker.ts), or unset RUN_WORKERS')
}

let closing = false
let draining = false
// While draining, every response asks its client to close the connection: a keep-alive client then
// opens its next one where the load balancer sends it (another instance once this one is unready).
app.server.prependListener('request', (_request, response) => {
  if (draining && !response.headersSent) response.setHeader('connection', 'close')
})

async function shutdown(signal: string) {
  if (closing) return
  closing = true
  // An orchestrator's SIGTERM drains; Ctrl-C in a terminal (SIGINT) closes at once.
  const drainMs = signal === 'SIGTERM' ? config.shutdownDrainMs : 0
  log.info(`${signal} received: /ready answers 503, serving for ${drainMs} ms more, then finishing in-flight requests and closing`)
  const force = setTimeout(() => {
    log.error(`shutdown took longer than ${drainMs / 1000 + 10} s; exiting`)
    process.exit(1)
  }, drainMs + 10_000).unref()
  // Not ready first, so the load balancer stops routing here, while requests already on their way
  // (connections opened just before the signal, endpoints not yet updated) are still served.
  app.services.health.beginDrain()
  draining = true
  await new Promise((resolve) => setTimeout(resolve, drainMs))
  // app.close() stops accepting connections and waits for in-flight requests to finish. A
  // keep-alive connection that goes idle after its last response would hold it open, so idle
  // connections are closed as they appear.
  const sweeper = setInterval(() => app.server.closeIdleConnections(), 100)
  await app.close()
  clearInterval(sweeper)
  workers?.stop()
  await jobs.close()
  await Promise.allSettled([database.db.destroy(), store.close()])
  clearTimeout(force)
  log.info('closed')
  process.exit(0)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))

try {
  await app.listen({ host: config.host, port: config.port })
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EADDRINUSE') {
    log.fatal(`port ${config.port} on ${config.host} is already in use: stop the other process (\`lsof -i :${config.port}\`) or set PORT`)
  } else {
    log.fatal({ err: error }, 'could not start listening')
  }
  process.exit(1)
}
