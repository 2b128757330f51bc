import { expect, test, type Page } from '@playwright/test'
import { registerForm, signInForm } from './support/forms.ts'
import { uniqueEmail, VALID_PASSWORD } from './support/users.ts'

/** Every CSP violation the page reports (the DOM event) or logs (the console), from the first script on. */
async function watchCsp(page: Page) {
  const logged: string[] = []
  page.on('console', (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text())) logged.push(message.text())
  })
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { cspViolations: string[] }).cspViolations = seen
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`))
  })
  return async () => [...logged, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))]
}

test.describe('Security headers', () => {
  test('the preview server sends the app its strict policy and passes the API its own', async ({ request }) => {
    const app = await request.get('/my-list')
    const headers = app.headers()
    expect(headers['content-security-policy']).toContain("script-src 'self'; style-src 'self';")
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(headers['content-security-policy']).not.toContain('unsafe')
    expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'strict-origin-when-cross-origin' })

    const api = await request.get('/api/v1/auth/me')
    expect(api.status()).toBe(401)
    expect(api.headers()).toMatchObject({ 'content-security-policy': "default-src 'none';frame-ancestors 'none'", 'cache-control': 'no-store' })
  })

  test('registering, signing in and every main page run without a CSP violation', async ({ page }) => {
    const violations = await watchCsp(page)
    const email = uniqueEmail('csp')

    await page.goto('/register')
    const form = registerForm(page)
    await form.fill({ email, password: VALID_PASSWORD, confirm: VALID_PASSWORD })
    await form.submit.click()
    await expect(page).toHaveURL('/my-list')
    for (const [path, heading] of [['/my-list', 'My list'], ['/community', 'Community'], ['/connections', 'Connections'], ['/activity', 'Activity'], ['/account', 'Account']]) {
      await page.goto(path!)
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    }
    // Signed out: no refresh cookie, and a fresh page load forgets the access token.
    await page.context().clearCookies()
    await page.goto('/sign-in')
    await signInForm(page).signIn(email, VALID_PASSWORD)
    await expect(page).toHaveURL('/my-list')
    await expect(page.getByRole('heading', { level: 1, name: 'My list' })).toBeVisible()

    expect(await violations()).toEqual([])
  })

  test('the API docs (Swagger UI, through the app origin) render under their own policy', async ({ page }) => {
    const violations = await watchCsp(page)
    await page.goto('/docs')
    // Rendered by Swagger UI's scripts from the OpenAPI document (nothing shows if they were blocked).
    await expect(page.getByText('Do-Not-Play list manager for music streaming.')).toBeVisible()
    await expect(page.getByText('/api/v1/auth/login', { exact: true })).toBeVisible()
    expect(await violations()).toEqual([])
  })
})
