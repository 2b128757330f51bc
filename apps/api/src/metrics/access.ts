import { createHash, timingSafeEqual } from 'node:crypto'
import type { ErrorCode } from '@ndith/contracts'

export type MetricsAccess =
  | { ok: true }
  | { ok: false; code: Extract<ErrorCode, 'UNAUTHENTICATED' | 'FORBIDDEN'>; message: string; headers: Record<string, string> }

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/

const digest = (value: string) => createHash('sha256').update(value).digest()

/**
 * Who may read /metrics. With METRICS_TOKEN set (every Kubernetes stack: the generated Secret
 * has one), only a caller sending it as `Authorization: Bearer <token>` (Prometheus, devenv top).
 * Without it, only a connection from this machine's loopback (npm start binds 127.0.0.1). The
 * socket's address decides, never X-Forwarded-For, so nothing behind a proxy (the web's nginx)
 * passes as local.
 */
export function metricsAccess(token: string | undefined, authorization: string | undefined, remoteAddress: string | undefined): MetricsAccess {
  if (token) {
    const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1]
    if (given && timingSafeEqual(digest(given), digest(token))) return { ok: true }
    return { ok: false, code: 'UNAUTHENTICATED', message: 'Send the METRICS_TOKEN as a bearer token to read the metrics', headers: { 'www-authenticate': 'Bearer realm="metrics"' } }
  }
  if (remoteAddress && LOOPBACK.test(remoteAddress)) return { ok: true }
  return { ok: false, code: 'FORBIDDEN', message: 'Metrics are served to loopback clients only; set METRICS_TOKEN to let others in with it', headers: {} }
}
