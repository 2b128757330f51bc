import { expect, test, type Page } from '@playwright/test'
import { flakyApiSpec } from './support/flaky-api.ts'
import { registerForm, signInForm } from './support/forms.ts'
import { VALID_PASSWORD, uniqueEmail } from './support/users.ts'

// These tests run against a web server whose API they stop and start themselves: a real outage,
// not a mocked one. The API is down at the start of each test.
const api = flakyApiSpec()

const banner = (page: Page) => page.getByRole('alert').filter({ hasText: "Can't reach the server" })

test('with the API down, registering shows the banner; Retry succeeds once the API is back', async ({ page }) => {
  await page.goto('/register')
  await expect(banner(page)).toBeVisible()
  const form = registerForm(page)
  const email = uniqueEmail('outage')
  await form.fill({ email, password: VALID_PASSWORD, confirm: VALID_PASSWORD })

  await form.submit.click()

  await expect(banner(page)).toBeVisible()
  await expect(page).toHaveURL('/register')
  await expect(form.email).toHaveValue(email)

  await api.start()
  await banner(page).getByRole('button', { name: 'Retry' }).click()

  await expect(page).toHaveURL('/my-list')
  await expect(page.getByRole('status').filter({ hasText: 'Your account is ready' })).toBeVisible()
})

test('with the API down, signing in shows the banner instead of failing silently', async ({ page }) => {
  await page.goto('/sign-in')
  await signInForm(page).signIn(uniqueEmail(), VALID_PASSWORD)

  await expect(banner(page)).toBeVisible()
  await expect(banner(page).getByRole('button', { name: 'Retry' })).toBeEnabled()
  await expect(page).toHaveURL('/sign-in')
})

test('when the API goes down mid-session, sign out shows the banner and keeps the user signed in until it works', async ({ page }) => {
  // Starts the API twice: longer than the default 30 s on a busy machine.
  test.setTimeout(90_000)
  await api.start()
  const email = uniqueEmail('midsession')
  await page.goto('/register')
  await registerForm(page).fill({ email, password: VALID_PASSWORD, confirm: VALID_PASSWORD })
  await registerForm(page).submit.click()
  await expect(page).toHaveURL('/my-list')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click()
  await expect(page).toHaveURL('/account')

  await api.current().stop()
  await page.getByRole('main').getByRole('button', { name: 'Sign out', exact: true }).click()

  await expect(banner(page)).toBeVisible()
  await expect(page).toHaveURL('/account')

  await api.start()
  await banner(page).getByRole('button', { name: 'Retry' }).click()

  await expect(page).toHaveURL('/sign-in')
  await expect(page.getByRole('status')).toHaveText('You have signed out.')
})
