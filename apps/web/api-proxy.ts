import { createLogger, type Logger, type ProxyOptions } from 'vite'

/** The paths the API answers; everything else is the app. */
const API_PATHS = ['/api', '/health', '/ready', '/docs']

export function apiProxy(target: string): Record<string, ProxyOptions> {
  return Object.fromEntries(API_PATHS.map((path) => [path, { target, xfwd: true }]))
}

/**
 * Vite's logger, except that "API not running" becomes one short line (at most every 5 s) instead
 * of a stack trace per request. The browser still gets 502, which the app shows as its banner.
 */
export function apiProxyLogger(target: string): Logger {
  const logger = createLogger()
  const logError = logger.error.bind(logger)
  let lastNotice = 0
  logger.error = (message, options) => {
    const code = (options?.error as NodeJS.ErrnoException | undefined)?.code
    if (message.includes('proxy error') && (code === 'ECONNREFUSED' || code === 'ECONNRESET')) {
      if (Date.now() - lastNotice > 5_000) {
        lastNotice = Date.now()
        logger.warn(`API not reachable at ${target} (${code}); start it, or set API_PROXY_TARGET`, { timestamp: true })
      }
      return
    }
    logError(message, options)
  }
  return logger
}
