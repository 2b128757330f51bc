import { expect, test, type ConsoleMessage } from '@playwright/test'
import { flakyApiSpec } from './support/flaky-api.ts'
import { registerForm } from './support/forms.ts'
import { VALID_PASSWORD, uniqueEmail } from './support/users.ts'

// A real outage: these tests stop and start the API behind the flaky web server themselves.
const api = flakyApiSpec()

test('a signed-in user who reloads while the API is down stays on their page with the banner and is back by itself when it returns', async ({ page }) => {
  // Two API starts and the app's own backoff: longer than the default 30 s on a busy machine.
  test.setTimeout(120_000)
  await api.start()
  await page.goto('/register')
  await registerForm(page).fill({ email: uniqueEmail('reload'), password: VALID_PASSWORD, confirm: VALID_PASSWORD })
  await registerForm(page).submit.click()
  await expect(page).toHaveURL('/my-list')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click()
  await expect(page).toHaveURL('/account')

  await api.current().stop()
  await page.reload()

  const banner = page.getByRole('alert').filter({ hasText: "Can't reach the server." })
  await expect(banner).toBeVisible()
  await expect(banner).toContainText('Trying again')
  await expect(page).toHaveURL('/account')

  await api.start()

  // No click: the app retries by itself with backoff.
  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible({ timeout: 45_000 })
  await expect(page).toHaveURL('/account')
  await expect(banner).toHaveCount(0)
})

test('a signed-out page load logs no 401 (no refresh is tried without a session)', async ({ page }) => {
  test.setTimeout(90_000)
  await api.start()
  const messages: ConsoleMessage[] = []
  page.on('console', (message) => messages.push(message))
  const refreshes: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/auth/refresh')) refreshes.push(request.url())
  })

  await page.goto('/sign-in')
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await page.goto('/my-list')
  await expect(page).toHaveURL(/\/sign-in/)
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()

  expect(refreshes).toEqual([])
  expect(messages.filter((message) => message.type() === 'error').map((message) => message.text())).toEqual([])
})
