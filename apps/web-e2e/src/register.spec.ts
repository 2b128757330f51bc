import { expect, test } from '@playwright/test'
import { registerForm, signInForm } from './support/forms.ts'
import { VALID_PASSWORD, registerThroughApi, uniqueEmail } from './support/users.ts'

test.describe('Registration', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/register')
  })

  test('registering with valid details signs the user in and lands on My list, welcomed', async ({ page }) => {
    const form = registerForm(page)
    const email = uniqueEmail('new')
    await expect(form.submit).toBeDisabled()

    await form.fill({ email, password: VALID_PASSWORD, confirm: VALID_PASSWORD })
    await expect(form.submit).toBeEnabled()
    await form.submit.click()

    await expect(page).toHaveURL('/my-list')
    await expect(page.getByRole('heading', { level: 1, name: 'My list' })).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: 'Your account is ready' })).toBeVisible()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click()
    await expect(page).toHaveURL('/account')
    await expect(page.getByTestId('account-email')).toHaveText(email)
    const today = new Date().toISOString().slice(0, 10)
    await expect(page.getByTestId('account-member-since')).toHaveAttribute('datetime', new RegExp(`^${today}`))
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' })).toHaveAttribute('aria-current', 'page')
  })

  test('a reload keeps the user signed in through the refresh cookie', async ({ page }) => {
    const form = registerForm(page)
    const email = uniqueEmail('reload')
    await form.fill({ email, password: VALID_PASSWORD, confirm: VALID_PASSWORD })
    await form.submit.click()
    await expect(page).toHaveURL('/my-list')
    await page.goto('/account')

    await page.reload()

    await expect(page).toHaveURL('/account')
    await expect(page.getByTestId('account-email')).toHaveText(email)
  })

  test('a duplicate email says the account exists and links to sign in with that email', async ({ page, request }) => {
    const { email } = await registerThroughApi(request)
    const form = registerForm(page)

    await form.fill({ email, password: VALID_PASSWORD, confirm: VALID_PASSWORD })
    await form.submit.click()

    await expect(form.email).toHaveAttribute('aria-invalid', 'true')
    await expect(form.email).toHaveAccessibleDescription(/An account with this email already exists/)
    await expect(page).toHaveURL('/register')
    await form.form.getByRole('link', { name: 'Sign in instead' }).click()

    await expect(page).toHaveURL(/\/sign-in\?email=/)
    await expect(signInForm(page).email).toHaveValue(email)
  })

  test('a missing email says so under the email field', async ({ page }) => {
    const form = registerForm(page)
    await form.fill({ password: VALID_PASSWORD, confirm: VALID_PASSWORD })
    await form.submit.click()

    await expect(form.email).toBeFocused()
    await expect(form.email).toHaveAttribute('aria-invalid', 'true')
    await expect(form.email).toHaveAccessibleDescription('Enter your email address')
  })

  test('a malformed email is caught before it is sent', async ({ page }) => {
    const form = registerForm(page)
    await form.fill({ email: 'not-an-email', password: VALID_PASSWORD, confirm: VALID_PASSWORD })
    await form.submit.click()

    await expect(form.email).toHaveAccessibleDescription('Enter an email address like name@example.com')
  })

  test("an email the server rejects shows the server's message under the email field", async ({ page }) => {
    const form = registerForm(page)
    // Valid for the browser's rule, not for the API's (no dot in the domain).
    await form.fill({ email: 'someone@localhost', password: VALID_PASSWORD, confirm: VALID_PASSWORD })
    const answer = page.waitForResponse('**/api/v1/auth/register')
    await form.submit.click()

    expect((await answer).status()).toBe(400)
    await expect(form.email).toBeFocused()
    await expect(form.email).toHaveAccessibleDescription('Enter a valid email address')
    await expect(page).toHaveURL('/register')
  })

  test('a confirmation that differs says the passwords do not match', async ({ page }) => {
    const form = registerForm(page)
    await form.fill({ email: uniqueEmail(), password: VALID_PASSWORD, confirm: `${VALID_PASSWORD}x` })

    await expect(form.confirm).toHaveAccessibleDescription('Passwords do not match')
    await expect(form.submit).toBeDisabled()

    await form.confirm.fill(VALID_PASSWORD)
    await expect(form.confirm).not.toHaveAttribute('aria-invalid')
    await expect(form.submit).toBeEnabled()
  })
})
