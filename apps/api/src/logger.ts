import type { LoggerOptions } from 'pino'
import { logRedactions } from './app.ts'

/** Structured JSON logs; pretty-printed only when a person is watching a terminal. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: logRedactions, censor: '[redacted]' },
    ...(process.stdout.isTTY && !process.env.CI
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } }
      : {}),
  }
}
