import { expect, test } from '@playwright/test'
import { seriousViolations } from './support/axe.ts'
import { registerForm, signInForm } from './support/forms.ts'
import { registerThroughApi } from './support/users.ts'

test.describe('Accessibility (axe, WCAG 2.x A/AA)', () => {
  test('the registration page has no serious or critical violations, empty or showing feedback', async ({ page }) => {
    await page.goto('/register')
    await expect(registerForm(page).email).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])

    const form = registerForm(page)
    await form.fill({ email: 'not-an-email', password: 'short', confirm: 'shirt' })
    await form.email.blur()
    await expect(form.email).toHaveAttribute('aria-invalid', 'true')
    expect(await seriousViolations(page)).toEqual([])
  })

  test('the sign-in page has no serious or critical violations, empty or showing an error', async ({ page, request }) => {
    await page.goto('/sign-in')
    await expect(signInForm(page).email).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])

    const { email } = await registerThroughApi(request)
    await signInForm(page).signIn(email, 'Wrong-Password-1')
    await expect(page.getByRole('alert')).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
  })

  test('the account page has no serious or critical violations', async ({ page, request }) => {
    const { email, password } = await registerThroughApi(request)
    await page.goto('/sign-in?next=%2Faccount')
    await signInForm(page).signIn(email, password)
    await expect(page.getByTestId('account-email')).toHaveText(email)

    expect(await seriousViolations(page)).toEqual([])
  })
})
