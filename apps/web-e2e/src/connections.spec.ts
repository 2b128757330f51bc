import { expect, test } from '@playwright/test'
import { seedCatalog } from './support/catalog.ts'
import { simulatorUrl } from './support/environment.ts'
import { checkPage } from './support/page-check.ts'
import { simulatorFaults } from './support/simulator.ts'
import { addToMyList, signUp } from './support/listener.ts'

test.beforeAll(() => seedCatalog())



test.afterEach(async ({ page }) => simulatorFaults(page.request, { latencyMs: 0 }))

test('a listener connects the simulated Spotify account, watches the library scan and sees what their list would affect, then disconnects', async ({ page }) => {
  test.setTimeout(90_000)
  await page.setViewportSize({ width: 1280, height: 800 })
  await signUp(page, 'connections')
  // Drake is in alice's simulated library, as primary and as featured artist.
  await page.goto('/my-list')
  await addToMyList(page, 'drake', 'Drake')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Connections' })).toBeVisible()
  await expect(page.getByText('No accounts connected')).toBeVisible()
  const matrix = page.getByRole('table')
  for (const service of ['Spotify', 'Apple Music', 'TIDAL', 'YouTube Music', 'Deezer']) await expect(matrix.getByRole('columnheader', { name: service })).toBeVisible()
  await expect(matrix.getByRole('row', { name: /On this site/ })).toContainText('Spotify (simulated): can be connected')

  // The simulator's consent page, as Spotify's: the scopes asked for, a choice of seeded users.
  await page.getByRole('button', { name: 'Connect Spotify (simulated)' }).click()
  await expect(page).toHaveURL(new RegExp(`^${simulatorUrl}/authorize`))
  await expect(page.getByRole('heading', { name: 'Spotify (simulated)' })).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'user-library-read' })).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'playlist-read-private' })).toBeVisible()
  await page.getByLabel(/Alice/).check()
  await page.getByRole('button', { name: 'Agree' }).click()

  // Back on the app, the address cleaned of the return trip's parameters.
  await expect(page.getByText('Spotify (simulated) is connected. Scan your library to see what your list would affect.')).toBeVisible()
  await expect(page).toHaveURL(/\/connections$/)
  const card = page.getByRole('article', { name: 'Spotify (simulated)' })
  await expect(card).toContainText('Alice')
  await expect(card).toContainText('account alice')
  await expect(card).toContainText('Not scanned yet')

  await simulatorFaults(page.request, { latencyMs: 40 })
  await card.getByRole('button', { name: 'Scan library' }).click()
  const bar = card.getByRole('progressbar', { name: 'Scanning your library' })
  await expect(bar).toBeVisible()
  const first = await bar.getAttribute('aria-valuetext')
  await expect.poll(() => bar.getAttribute('aria-valuetext'), { message: 'the progress moves' }).not.toBe(first)
  await expect(bar).toHaveAttribute('aria-valuetext', /pages? read, [\d,]+ items? found/)
  await expect(bar).toBeHidden({ timeout: 60_000 })

  const summary = card.getByRole('region', { name: 'Your library' })
  await expect(summary).toBeVisible()
  const likedSongs = summary.locator('div').filter({ has: page.getByText('Liked songs', { exact: true }) })
  await expect(likedSongs).toContainText('2,000')
  await expect(likedSongs).toContainText(/[1-9][\d,]* involves? artists on your list/)
  await expect(summary).toContainText(/[1-9][\d,]* (items credit|item credits) an artist on your Do-Not-Play list/)
  await expect(card.getByRole('button', { name: 'Scan again' })).toBeVisible()
  await checkPage(page, 'connections-1280')

  await page.setViewportSize({ width: 390, height: 844 })
  await checkPage(page, 'connections-390')
  await page.setViewportSize({ width: 1280, height: 800 })

  await card.getByRole('button', { name: 'Disconnect…' }).click()
  const confirmation = card.getByRole('form', { name: 'Disconnect Spotify (simulated)' })
  await expect(confirmation).toContainText('(its tokens)')
  await expect(confirmation).toContainText('Nothing in your Spotify (simulated) account changes')
  await confirmation.getByRole('button', { name: 'Disconnect' }).click()

  await expect(card).toBeHidden()
  await expect(page.getByText('No accounts connected')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Connect Spotify (simulated)' })).toBeVisible()
})

test('cancelling at the provider brings the listener back with the reason, and nothing is connected', async ({ page }) => {
  await signUp(page, 'connections-cancel')
  await page.goto('/connections')
  await page.getByRole('button', { name: 'Connect Spotify (simulated)' }).click()
  await page.getByRole('button', { name: 'Cancel' }).click()

  await expect(page).toHaveURL(/\/connections$/)
  await expect(page.getByRole('alert')).toContainText('The account was not connected.')
  await expect(page.getByText('No accounts connected')).toBeVisible()
})

test('when the account withdraws the app\'s access, the scan fails, the page says to connect again, and connecting again works', async ({ page }) => {
  test.setTimeout(60_000)
  await signUp(page, 'connections-revoked')
  await page.goto('/connections')
  await page.getByRole('button', { name: 'Connect Spotify (simulated)' }).click()
  await page.getByLabel(/Bob/).check()
  await page.getByRole('button', { name: 'Agree' }).click()
  const card = page.getByRole('article', { name: 'Spotify (simulated)' })
  await expect(card).toContainText('account bob')

  // Bob removes the app's access at the provider: tokens answer 401, the refresh invalid_grant.
  expect((await page.request.post(`${simulatorUrl}/admin/users/bob/revoke`)).ok()).toBe(true)
  await card.getByRole('button', { name: 'Scan library' }).click()

  await expect(card.getByText('Spotify (simulated) no longer accepts this connection.')).toBeVisible({ timeout: 30_000 })
  await expect(card).toContainText('Needs to be connected again')
  await expect(card.getByRole('button', { name: /Scan/ })).toHaveCount(0)

  await card.getByRole('button', { name: 'Connect again' }).click()
  await page.getByLabel(/Bob/).check()
  await page.getByRole('button', { name: 'Agree' }).click()

  await expect(page.getByText('Spotify (simulated) is connected.')).toBeVisible()
  await expect(card).not.toContainText('Needs to be connected again')
  await expect(card.getByText('Connected', { exact: true })).toBeVisible()
  await expect(card.getByRole('button', { name: 'Scan library' })).toBeVisible()
  await expect(page.getByRole('article')).toHaveCount(1)
})
