import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { seedCatalog, spotifyUrl } from './support/catalog.ts'
import { external } from './support/environment.ts'
import { VALID_PASSWORD, uniqueEmail } from './support/users.ts'
import { loadBudgets, readVitals, recordVitals, servedBundle, webDist, type Vitals } from './support/web-vitals.ts'

// Budgets live in apps/web-e2e/performance-budgets.json; the figures are printed and attached to the report.
const budgets = loadBudgets()
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10

test.beforeAll(() => seedCatalog())

test('each main page paints its largest content and holds its layout within the budgets', async ({ page }) => {
  test.setTimeout(90_000)
  await page.setViewportSize({ width: 1280, height: 800 })
  await recordVitals(page)
  const figures: Record<string, Vitals> = {}
  const measure = async (pathname: string) => {
    await page.goto(pathname)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    figures[pathname] = await readVitals(page)
  }

  await measure('/sign-in')
  await measure('/register')
  const email = uniqueEmail('performance')
  const registered = await page.request.post('/api/v1/auth/register', { data: { email, password: VALID_PASSWORD } })
  expect(registered.status(), await registered.text()).toBe(201)
  const { accessToken } = (await registered.json()) as { accessToken: string }
  // A list with entries, so My list paints what a listener sees rather than its empty state.
  for (const name of ['Drake', 'Kanye West', 'Chris Brown']) {
    const added = await page.request.post('/api/v1/me/blocklist', { headers: { authorization: `Bearer ${accessToken}` }, data: { url: spotifyUrl(name), tags: ['performance'] } })
    expect(added.status(), await added.text()).toBe(201)
  }
  for (const pathname of ['/my-list', '/community', '/connections', '/activity', '/account']) await measure(pathname)

  console.log(`Page vitals (budgets: LCP ≤ ${budgets.pages.lcpMs} ms, CLS ≤ ${budgets.pages.cls}):`)
  for (const [pathname, v] of Object.entries(figures)) console.log(`  ${pathname.padEnd(14)} LCP ${Math.round(v.lcp)} ms  CLS ${v.cls.toFixed(3)}`)
  writeFileSync(path.join(test.info().project.outputDir, 'page-vitals.json'), JSON.stringify(figures, null, 2))
  await test.info().attach('page-vitals.json', { body: JSON.stringify(figures, null, 2), contentType: 'application/json' })

  for (const [pathname, v] of Object.entries(figures)) {
    const budget = { ...budgets.pages, ...budgets.pageOverrides?.[pathname] }
    expect.soft(v.lcp, `${pathname}: largest contentful paint (ms)`).toBeGreaterThan(0)
    expect.soft(v.lcp, `${pathname}: largest contentful paint (ms) over its budget`).toBeLessThanOrEqual(budget.lcpMs)
    expect.soft(v.cls, `${pathname}: cumulative layout shift over its budget`).toBeLessThanOrEqual(budget.cls)
  }
})

test('the web bundle stays within its size budgets (gzip)', async ({ request }) => {
  // The files on this disk are what is served only when the suite built and serves them itself.
  const figures = await servedBundle(request, external ? undefined : webDist)
  const { bundle } = budgets
  console.log('Web bundle (gzip -6):')
  for (const f of figures.files) console.log(`  ${f.file.padEnd(40)} ${kb(f.bytes)} kB, ${kb(f.gzip)} kB gzip`)
  console.log(`  first load: JavaScript ${kb(figures.initialJsGzip)} kB (budget ${bundle.initialJsGzipKb}), CSS ${kb(figures.initialCssGzip)} kB (budget ${bundle.initialCssGzipKb})`)
  if (figures.totalJsGzip !== undefined) console.log(`  every JavaScript file of the build: ${kb(figures.totalJsGzip)} kB (budget ${bundle.totalJsGzipKb})`)
  await test.info().attach('bundle.json', { body: JSON.stringify(figures, null, 2), contentType: 'application/json' })

  expect(figures.initialJsGzip, 'the first load fetches some JavaScript').toBeGreaterThan(0)
  expect.soft(kb(figures.initialJsGzip), 'first-load JavaScript (kB gzip) over its budget').toBeLessThanOrEqual(bundle.initialJsGzipKb)
  expect.soft(kb(figures.initialCssGzip), 'first-load CSS (kB gzip) over its budget').toBeLessThanOrEqual(bundle.initialCssGzipKb)
  if (figures.totalJsGzip !== undefined) expect.soft(kb(figures.totalJsGzip), 'all JavaScript (kB gzip) over its budget').toBeLessThanOrEqual(bundle.totalJsGzipKb)
})
