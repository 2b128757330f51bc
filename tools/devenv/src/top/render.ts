import { table } from '../lib/output.ts'
import type { ProcessFigures } from './figures.ts'

const ms = (seconds: number | undefined) => (seconds === undefined ? '-' : seconds < 0.01 ? `${(seconds * 1000).toFixed(1)} ms` : `${Math.round(seconds * 1000)} ms`)
const mb = (bytes: number | undefined) => (bytes === undefined ? '-' : `${Math.round(bytes / 1024 / 1024)} MB`)
const rate = (n: number) => (n >= 10 ? n.toFixed(0) : n >= 1 ? n.toFixed(1) : n.toFixed(2))

function duration(seconds: number | undefined) {
  if (seconds === undefined) return '-'
  const s = Math.floor(seconds)
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`
}

const list = (items: string[], none: string) => (items.length ? items.join(' · ') : none)

/** One process's block in `devenv top`: a header, the routes table, then one line per resource. */
export function renderProcess(name: string, url: string, f: ProcessFigures): string {
  const window = f.sinceStart ? 'since start' : `last ${Math.round(f.windowSeconds)} s`
  const header = `${name}  ${url}  up ${duration(f.uptimeSeconds)} · CPU ${f.cpuPercent === undefined ? '-' : `${Math.round(f.cpuPercent)}%`} · memory ${mb(f.rssBytes)} (heap ${mb(f.heapUsedBytes)})  [${window}]`
  const lines = [header]
  if (f.routes.length) {
    const rows = f.routes.map((r) => [r.route, rate(r.perSecond), String(r.requests), ms(r.p50), ms(r.p99), Object.entries(r.statuses).map(([s, n]) => `${s}×${n}`).join(' ')])
    lines.push(table(['route', 'req/s', 'requests', 'p50', 'p99', 'statuses'], rows))
  } else if (name === 'API') {
    lines.push('no requests in this window')
  }
  const q = f.queries
  lines.push(
    `errors    ${list(f.errors.map((e) => `${e.code} ${e.count}`), 'none')}`,
    `database  ${f.pool ? `pool ${f.pool.total} total, ${f.pool.idle} idle, ${f.pool.waiting} waiting · ` : ''}queries ${rate(q.perSecond)}/s, p50 ${ms(q.p50)}, p99 ${ms(q.p99)}, ${q.failed} failed`,
    `redis     ${f.redis ? `${f.redis.status}${f.redis.connected ? ' (connected)' : ' (NOT connected)'}` : 'not configured (in-process store)'}`,
    `queues    ${list(f.queues.map((x) => `${x.name} ${x.depth}`), 'none reported')}`,
    `jobs      ${list(f.jobs.map((j) => `${j.queue} ${j.outcome} ${j.count}`), 'none finished')}`,
  )
  return lines.join('\n')
}
