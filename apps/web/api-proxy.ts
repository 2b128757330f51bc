import { setTimeout as sleep } from 'node:timers/promises'
import { createLogger, type Logger, type Plugin, type ProxyOptions } from 'vite'

/** The paths the API answers; everything else is the app. */
const API_PATHS = ['/api', '/health', '/ready', '/docs']

/** How long a first start may take the API (migrations, embedded Postgres) before we say it is not reachable. */
const FIRST_START_WAIT_MS = 180_000

export function apiProxy(target: string): Record<string, ProxyOptions> {
  return Object.fromEntries(API_PATHS.map((path) => [path, { target, xfwd: true }]))
}

/** Whether the API has answered yet: until then (or until the wait gives up) it is starting, not down. */
const api = { waiting: true }

/**
 * Vite's logger, except that "API not running" becomes one short line (at most every 5 s) instead
 * of a stack trace per request, and says nothing while the API is still starting (`npm start` starts
 * both at once). The browser still gets 502, which the app shows as its banner.
 */
export function apiProxyLogger(target: string): Logger {
  const logger = createLogger()
  const logError = logger.error.bind(logger)
  let lastNotice = 0
  logger.error = (message, options) => {
    const code = (options?.error as NodeJS.ErrnoException | undefined)?.code
    if (message.includes('proxy error') && (code === 'ECONNREFUSED' || code === 'ECONNRESET')) {
      if (!api.waiting && Date.now() - lastNotice > 5_000) {
        lastNotice = Date.now()
        logger.warn(`API not reachable at ${target} (${code}); start it, or set API_PROXY_TARGET`, { timestamp: true })
      }
      return
    }
    logError(message, options)
  }
  return logger
}

async function waitForApi(target: string): Promise<boolean> {
  const deadline = Date.now() + FIRST_START_WAIT_MS
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${target}/ready`, { signal: AbortSignal.timeout(2_000) })).ok) return true
    } catch {
      // Not listening yet.
    }
    await sleep(500, undefined, { ref: false })
  }
  return false
}

/**
 * Once the web server listens, waits for the API to be ready and then prints the app's address as
 * the last line, so the URL to open is the one left on screen (not the API's).
 */
export function announceWhenApiReady(target: string): Plugin {
  const announce = async (logger: Logger, url: () => string | undefined) => {
    const ready = await waitForApi(target)
    api.waiting = false
    if (ready) logger.info(`\n  No Drake in the House is ready: open ${url() ?? 'the Local address above'}\n`)
    else logger.warn(`API not reachable at ${target} yet; the app shows a banner until it answers (start it, or set API_PROXY_TARGET)`, { timestamp: true })
  }
  const onListening = (server: { httpServer: { once(event: 'listening', listener: () => void): unknown } | null; resolvedUrls: { local: string[] } | null; config: { logger: Logger } }) => {
    // resolvedUrls is filled in just after 'listening': read when announcing.
    server.httpServer?.once('listening', () => void announce(server.config.logger, () => server.resolvedUrls?.local[0]))
  }
  return {
    name: 'ndith-announce-when-api-ready',
    configureServer: (server) => onListening(server),
    configurePreviewServer: (server) => onListening(server),
  }
}
