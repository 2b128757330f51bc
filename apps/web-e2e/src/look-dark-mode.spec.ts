import { expect, test, type Page } from '@playwright/test'
import { seedCatalog } from './support/catalog.ts'
import { addToMyList, signUp } from './support/listener.ts'
import { external } from './support/environment.ts'
import { checkPage } from './support/page-check.ts'

test.beforeAll(() => seedCatalog())

const isDark = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('dark'))
/** Relative luminance of the page background (0 black … 1 white). */
const backgroundLuminance = (page: Page) =>
  page.evaluate(() => {
    const probe = document.createElement('canvas').getContext('2d')!
    probe.fillStyle = getComputedStyle(document.body).backgroundColor
    probe.fillRect(0, 0, 1, 1)
    const [r, g, b] = [...probe.getImageData(0, 0, 1, 1).data].map((v) => v / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  })

test('with the system in dark mode, every signed-in page is dark and passes axe (contrast included)', async ({ browser }) => {
  test.setTimeout(240_000)
  const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await signUp(page, 'dark')
  await page.goto('/my-list')
  expect(await isDark(page)).toBe(true)
  expect(await backgroundLuminance(page)).toBeLessThan(0.05)
  await checkPage(page, 'dark-my-list-empty-1280')

  await addToMyList(page, 'kanye', 'Kanye West', ['allegations'])
  await addToMyList(page, 'chris brown', 'Chris Brown', ['allegations'])
  await page.getByLabel('Search the catalog').fill('r kelly')
  await expect(page.getByRole('button', { name: 'Choose R. Kelly' })).toBeVisible()
  await checkPage(page, 'dark-my-list-1280')

  for (const path of ['/my-list/effective', '/my-list/import', '/community', '/connections', '/activity', '/account', '/no-such-page']) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
    await page.waitForLoadState('networkidle')
    await checkPage(page, `dark${path.replaceAll('/', '-')}-1280`)
  }

  await page.goto('/account')
  await page.getByRole('button', { name: 'Delete account…' }).click()
  const password = page.getByLabel('Your password', { exact: true })
  await expect(password).toBeFocused()
  // The focus ring reaches over the Show button's edge, so the field paints above it.
  const [fieldLayer, buttonLayer] = await password.evaluate((input) => [getComputedStyle(input).zIndex, getComputedStyle(input.nextElementSibling!).zIndex])
  expect(Number(fieldLayer)).toBeGreaterThan(Number(buttonLayer === 'auto' ? 0 : buttonLayer))
  await checkPage(page, 'dark-account-delete-open-1280')

  await context.close()
})

test('signed out, the sign-in page follows the system into dark mode too', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' })
  const page = await context.newPage()
  await page.goto('/sign-in')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  expect(await isDark(page)).toBe(true)
  await checkPage(page, 'dark-sign-in-1280')
  await context.close()
})

test('the theme toggle overrides the system, persists across reloads with no light flash, and System follows the system again', async ({ page }) => {
  test.setTimeout(60_000)
  await page.emulateMedia({ colorScheme: 'light' })
  await signUp(page, 'toggle')
  await page.goto('/my-list')
  const themes = page.getByRole('group', { name: 'Theme' })
  await expect(themes.getByRole('radio', { name: 'System' })).toBeChecked()
  expect(await isDark(page)).toBe(false)

  await themes.getByRole('radio', { name: 'Dark' }).check({ force: true })
  expect(await isDark(page)).toBe(true)

  // Hold the app's bundle back: the page is already dark before any of the app's code runs.
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/assets/*.js', async (route) => {
    await held
    await route.continue()
  })
  // The module script holds DOMContentLoaded back too: wait only for the markup (after <head>'s scripts ran).
  try {
    await page.goto('/my-list', { waitUntil: 'commit' })
    await page.locator('#app').waitFor({ state: 'attached' })
    expect(await page.locator('#app').innerHTML()).toBe('')
    expect(await isDark(page)).toBe(true)
  } finally {
    release() // the held scripts (and any later ones) go through from here on
  }
  await expect(themes.getByRole('radio', { name: 'Dark' })).toBeChecked()

  await themes.getByRole('radio', { name: 'Light' }).check({ force: true })
  await page.emulateMedia({ colorScheme: 'dark' })
  expect(await isDark(page)).toBe(false)

  await themes.getByRole('radio', { name: 'System' }).check({ force: true })
  expect(await isDark(page)).toBe(true)
  await page.emulateMedia({ colorScheme: 'light' })
  await expect.poll(() => isDark(page)).toBe(false)
  await page.reload()
  await expect(themes.getByRole('radio', { name: 'System' })).toBeChecked()
})

test('artist pictures show where the catalog has one; the others get distinct generated avatars', async ({ page }) => {
  test.setTimeout(60_000)
  await signUp(page, 'pictures')
  await page.goto('/my-list')
  // The suite's own catalog gives Kanye West a picture; a running stack's seed catalog has none
  // (its pictures come from resolving links and library scans), so there only the avatars are checked.
  if (!external) {
    await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('kanye')
    const kanye = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Choose Kanye West' }) })
    const picture = kanye.getByTestId('artist-picture')
    await expect(picture).toBeVisible()
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    await expect(picture).toHaveAttribute('loading', 'lazy')
  }

  // A library scan in another spec may have given some of these a picture since: each entry shows
  // a picture or an avatar, and the avatars (at least two of four) all differ.
  const names = [['chris brown', 'Chris Brown'], ['r kelly', 'R. Kelly'], ['morrissey', 'Morrissey'], ['future islands', 'Future Islands']] as const
  for (const [query, name] of names) await addToMyList(page, query, name)
  const entries = page.getByTestId('list-entry')
  await expect(entries).toHaveCount(names.length)
  const pictures = await entries.getByTestId('artist-picture').count()
  const avatars = entries.getByTestId('artist-avatar')
  await expect(avatars).toHaveCount(names.length - pictures)
  expect(names.length - pictures).toBeGreaterThanOrEqual(2)
  const fills = await avatars.evaluateAll((svgs) => svgs.map((svg) => [...svg.querySelectorAll('stop')].map((s) => s.getAttribute('stop-color')).join()))
  expect(new Set(fills).size).toBe(fills.length)
})
