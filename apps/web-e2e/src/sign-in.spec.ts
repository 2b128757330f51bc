import { expect, test } from '@playwright/test'
import { REFRESH_COOKIE } from '@ndith/contracts'
import { signInForm } from './support/forms.ts'
import { registerThroughApi } from './support/users.ts'

test.describe('Sign in and sign out', () => {
  test('signing out revokes the session, and signing in again with the same credentials works', async ({ page, context, request }) => {
    const { email, password } = await registerThroughApi(request)
    await page.goto('/sign-in')
    await signInForm(page).signIn(email, password)
    await expect(page).toHaveURL('/my-list')
    await page.goto('/account')
    await expect(page.getByTestId('account-email')).toHaveText(email)
    const refreshCookie = (await context.cookies()).find((c) => c.name === REFRESH_COOKIE)
    expect(refreshCookie?.httpOnly).toBe(true)

    await page.getByRole('main').getByRole('button', { name: 'Sign out', exact: true }).click()

    await expect(page).toHaveURL('/sign-in')
    await expect(page.getByRole('status')).toHaveText('You have signed out.')
    // The old refresh token no longer opens a session, even if someone kept a copy.
    const replay = await request.post('/api/v1/auth/refresh', { headers: { cookie: `${REFRESH_COOKIE}=${refreshCookie!.value}` } })
    expect(replay.status()).toBe(401)
    await page.goto('/account')
    await expect(page).toHaveURL('/sign-in?next=%2Faccount')

    await signInForm(page).signIn(email, password)

    await expect(page).toHaveURL('/account')
    await expect(page.getByTestId('account-email')).toHaveText(email)
  })

  test('a wrong password says the email or password is incorrect', async ({ page, request }) => {
    const { email } = await registerThroughApi(request)
    await page.goto('/sign-in')

    await signInForm(page).signIn(email, 'Not-The-Password-1')

    await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect')
    await expect(page).toHaveURL('/sign-in')
  })

  test('empty fields say what is missing', async ({ page }) => {
    await page.goto('/sign-in')
    const form = signInForm(page)

    await form.submit.click()

    await expect(form.email).toBeFocused()
    await expect(form.email).toHaveAccessibleDescription('Enter your email address')
    await expect(form.password).toHaveAccessibleDescription('Enter your password')
  })

  test('a signed-out visitor sent to sign in returns to the page they asked for', async ({ page, request }) => {
    const { email, password } = await registerThroughApi(request)
    await page.goto('/account')
    await expect(page).toHaveURL('/sign-in?next=%2Faccount')

    await signInForm(page).signIn(email, password)

    await expect(page).toHaveURL('/account')
  })

  test('a signed-in user who opens the sign-in page goes to the app', async ({ page, request }) => {
    const { email, password } = await registerThroughApi(request)
    await page.goto('/sign-in')
    await signInForm(page).signIn(email, password)
    await expect(page).toHaveURL('/my-list')

    await page.goto('/sign-in')

    await expect(page).toHaveURL('/my-list')
  })
})
