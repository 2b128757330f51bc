import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { APIRequestContext, Page } from '@playwright/test'
import { repoRoot } from './environment.ts'

export interface Vitals {
  /** Largest contentful paint, ms after navigation start */
  lcp: number
  /** Cumulative layout shift: the largest session window (shifts under 1 s apart, 5 s at most), as web-vitals counts it */
  cls: number
}

interface LayoutShift extends PerformanceEntry {
  value: number
  hadRecentInput: boolean
}

/** Runs in the page before its own scripts: records LCP and CLS with PerformanceObserver. */
function observeVitals() {
  const vitals = { lcp: 0, cls: 0 }
  Object.assign(window, { __e2eVitals: vitals })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) vitals.lcp = entry.startTime
  }).observe({ type: 'largest-contentful-paint', buffered: true })
  let session = 0
  let first = 0
  let last = 0
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as LayoutShift[]) {
      if (entry.hadRecentInput) continue
      if (session && (entry.startTime - last > 1000 || entry.startTime - first > 5000)) session = 0
      if (!session) first = entry.startTime
      session += entry.value
      last = entry.startTime
      vitals.cls = Math.max(vitals.cls, session)
    }
  }).observe({ type: 'layout-shift', buffered: true })
}

/** From now on every document the page loads records its vitals. */
export const recordVitals = (page: Page) => page.addInitScript(observeVitals)

/** The vitals of the document the page shows, once it has settled (no requests for 500 ms). */
export async function readVitals(page: Page): Promise<Vitals> {
  await page.waitForLoadState('networkidle')
  return page.evaluate(() => ({ ...(window as unknown as { __e2eVitals: Vitals }).__e2eVitals }))
}

export interface BundleFigures {
  /** What the first load of the app fetches (index.html's scripts, module preloads and stylesheets), gzip -6 */
  initialJsGzip: number
  initialCssGzip: number
  /** Every JavaScript file of the build in apps/web/dist/assets, gzip -6 (only where the suite built it itself) */
  totalJsGzip?: number
  files: { file: string; bytes: number; gzip: number }[]
}

const gzipSize = (body: Buffer) => gzipSync(body, { level: 6 }).length

/** The bundle as the stack serves it (so it is the deployed one, whatever is on this disk). */
export async function servedBundle(request: APIRequestContext, distDir?: string): Promise<BundleFigures> {
  const html = await (await request.get('/')).text()
  const urls = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
  const files: BundleFigures['files'] = []
  for (const url of [...new Set(urls)]) {
    const response = await request.get(url)
    if (!response.ok()) throw new Error(`${url}: HTTP ${response.status()}`)
    const body = await response.body()
    files.push({ file: url, bytes: body.length, gzip: gzipSize(body) })
  }
  const sum = (ext: string) => files.filter((f) => f.file.endsWith(ext)).reduce((n, f) => n + f.gzip, 0)
  const figures: BundleFigures = { initialJsGzip: sum('.js'), initialCssGzip: sum('.css'), files }
  if (distDir) {
    const assets = path.join(distDir, 'assets')
    figures.totalJsGzip = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .reduce((n, f) => n + gzipSize(readFileSync(path.join(assets, f))), 0)
  }
  return figures
}

export const webDist = path.join(repoRoot, 'apps/web/dist')

export interface Budgets {
  pages: { lcpMs: number; cls: number }
  /** Per page path, where one page needs other figures than `pages` */
  pageOverrides?: Record<string, Partial<{ lcpMs: number; cls: number }>>
  bundle: { initialJsGzipKb: number; initialCssGzipKb: number; totalJsGzipKb: number }
}

export const loadBudgets = (): Budgets => JSON.parse(readFileSync(path.join(import.meta.dirname, '../../performance-budgets.json'), 'utf8')) as Budgets
