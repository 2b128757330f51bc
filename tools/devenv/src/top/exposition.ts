import { DevenvError } from '../lib/errors.ts'

/** One sample of the Prometheus text format: `name{label="value",...} 12.5`. */
export interface Sample {
  name: string
  labels: Record<string, string>
  value: number
}

const LINE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/
const LABEL = /([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g
const unescape = (value: string) => value.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c))

/**
 * The samples of a Prometheus text exposition (what prom-client serves), comments skipped.
 * https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
 */
export function parseExposition(text: string): Sample[] {
  const samples: Sample[] = []
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue
    const match = LINE.exec(line)
    if (!match) continue
    const labels: Record<string, string> = {}
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL)) labels[key!] = unescape(value!)
    samples.push({ name: match[1]!, labels, value: Number(match[3]) })
  }
  return samples
}

/** Reads a /metrics endpoint, with the METRICS_TOKEN as a bearer when there is one. */
export async function scrape(url: string, token: string | undefined): Promise<Sample[]> {
  let response: Response
  try {
    response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: AbortSignal.timeout(5000) })
  } catch (error) {
    throw new DevenvError(`${url} does not answer (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message})`)
  }
  if (response.status === 401) throw new DevenvError(`${url} wants the METRICS_TOKEN`, 'pass --metrics-token, or set METRICS_TOKEN as the process has it (the Tilt stack: devenv reads it from the namespace’s credentials)')
  if (response.status === 403) throw new DevenvError(`${url} answers loopback clients only`, 'set METRICS_TOKEN for the API and pass the same with --metrics-token')
  if (!response.ok) throw new DevenvError(`${url} answered ${response.status}`)
  return parseExposition(await response.text())
}
