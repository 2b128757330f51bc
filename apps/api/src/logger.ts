import type { LoggerOptions } from 'pino'
import { logRedactions } from './app.ts'

/**
 * Structured JSON logs, or the same records pretty-printed for a person (LOG_FORMAT=pretty), one
 * line each; a request's line already says its method, url, status and time in its message.
 */
export function loggerOptions(level: string, format: 'json' | 'pretty'): LoggerOptions {
  return {
    level,
    redact: { paths: logRedactions, censor: '[redacted]' },
    ...(format === 'pretty'
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname,method,url,statusCode,responseTimeMs', singleLine: true, colorize: Boolean(process.stdout.isTTY) } } }
      : {}),
  }
}
