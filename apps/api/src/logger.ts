import type { LoggerOptions } from 'pino'

// Secrets never reach the log, whatever a plugin or a future change decides to log: the request's
// credentials by path, and any value under a secret's name, at any depth, by the log formatter.
const CENSOR = '[redacted]'
const REDACTED_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]']
const SECRET_KEYS = new Set(['password', 'accessToken', 'refreshToken'])
const MAX_DEPTH = 8

const isPlain = (value: object) => [Object.prototype, null].includes(Object.getPrototypeOf(value))

/**
 * `value` with every secret key's value censored: a copy of what holds one, the same object
 * otherwise. Plain objects and arrays only (an Error keeps its class for pino's serializer).
 * Not pino's wildcard paths (`*.password`): those also ran on each request's child-logger
 * bindings, the largest per-request cost of a health probe (docs/performance.md); this runs only
 * when a line is written.
 */
export function censorSecrets(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value
  if (Array.isArray(value)) {
    const censored = value.map((item) => censorSecrets(item, depth + 1))
    return censored.some((item, i) => item !== value[i]) ? censored : value
  }
  if (!isPlain(value)) return value
  let copy: Record<string, unknown> | undefined
  for (const [key, item] of Object.entries(value)) {
    const censored = SECRET_KEYS.has(key) ? CENSOR : censorSecrets(item, depth + 1)
    if (censored !== item) (copy ??= { ...value })[key] = censored
  }
  return copy ?? value
}

/**
 * Structured JSON logs, or the same records pretty-printed for a person (LOG_FORMAT=pretty), one
 * line each; a request's line already says its method, url, status and time in its message.
 */
export function loggerOptions(level: string, format: 'json' | 'pretty'): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: CENSOR },
    formatters: { log: (record) => censorSecrets(record) as Record<string, unknown> },
    ...(format === 'pretty'
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname,method,url,statusCode,responseTimeMs', singleLine: true, colorize: Boolean(process.stdout.isTTY) } } }
      : {}),
  }
}
