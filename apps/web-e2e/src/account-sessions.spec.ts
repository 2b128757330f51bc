import { expect, test, type Browser, type Page } from '@playwright/test'
import { signInForm } from './support/forms.ts'
import { signUp } from './support/listener.ts'
import { VALID_PASSWORD } from './support/users.ts'

const NEW_PASSWORD = 'Another-Long-Passphrase-77'

/** A second browser (its own cookies): another device signed in to the same account. */
async function signInElsewhere(browser: Browser, email: string, password: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto('/sign-in')
  await signInForm(page).signIn(email, password)
  await expect(page).toHaveURL('/my-list')
  return { page, close: () => context.close() }
}

const openAccount = async (page: Page) => {
  await page.goto('/account')
  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible()
}

test('changing the password signs the other device out and keeps this one', async ({ page, browser }) => {
  // Two browsers and three page loads.
  test.setTimeout(60_000)
  const { email } = await signUp(page, 'password')
  const other = await signInElsewhere(browser, email, VALID_PASSWORD)
  await openAccount(page)
  const sessions = page.getByRole('list', { name: 'Active sessions' })
  await expect(sessions.getByRole('listitem')).toHaveCount(2)
  await expect(sessions).toContainText('This device')

  await page.getByRole('button', { name: 'Change password…' }).click()
  const form = page.getByRole('form', { name: 'Change password' })
  await form.getByLabel('Current password', { exact: true }).fill(VALID_PASSWORD)
  await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD)
  await form.getByRole('button', { name: 'Change password' }).click()

  await expect(page.getByRole('status').filter({ hasText: 'Password changed' })).toContainText('1 other session was signed out')
  await expect(sessions.getByRole('listitem')).toHaveCount(1)
  // The other device finds out at its next reload.
  await other.page.reload()
  await expect(other.page).toHaveURL(/\/sign-in/)
  await other.close()
  // This one is still signed in, across a reload too.
  await page.reload()
  await expect(page).toHaveURL('/account')
  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible()
})

test('sign out everywhere ends every session, this one included', async ({ page, browser }) => {
  const { email } = await signUp(page, 'everywhere')
  const other = await signInElsewhere(browser, email, VALID_PASSWORD)
  await openAccount(page)

  await page.getByRole('button', { name: 'Sign out everywhere' }).click()

  await expect(page).toHaveURL('/sign-in')
  await expect(page.getByRole('status')).toHaveText('You have signed out everywhere.')
  await other.page.reload()
  await expect(other.page).toHaveURL(/\/sign-in/)
  await other.close()
})
