import { expect, test } from '@playwright/test'
import { EXTERNAL_SKIP_REASON, external, flakyWebUrl, ports } from './support/environment.ts'
import { registerForm } from './support/forms.ts'
import { startOutageProxy, type OutageProxy } from './support/outage-proxy.ts'
import { VALID_PASSWORD, uniqueEmail } from './support/users.ts'

// The flaky web server's API port is taken by a proxy that answers 503 SERVICE_UNAVAILABLE with
// Retry-After (the API's answer while its database is down) until the test lets requests through.
test.skip(external, EXTERNAL_SKIP_REASON)
test.use({ baseURL: flakyWebUrl })

let outage: OutageProxy | undefined
test.afterEach(async () => {
  await outage?.stop()
  outage = undefined
})

test('a 503 shows as a temporary problem, and registering goes through by itself once the API answers again', async ({ page }) => {
  outage = await startOutageProxy(ports.flakyApi, `http://127.0.0.1:${ports.api}`)
  const banner = page.getByRole('alert').filter({ hasText: 'The server is temporarily unavailable.' })
  await page.goto('/register')
  await expect(banner).toBeVisible()
  const email = uniqueEmail('unavailable')
  await registerForm(page).fill({ email, password: VALID_PASSWORD, confirm: VALID_PASSWORD })

  await registerForm(page).submit.click()
  await expect(banner).toBeVisible()
  await expect(page).toHaveURL('/register')
  outage.recover()

  await expect(page).toHaveURL('/my-list')
  await expect(page.getByRole('status').filter({ hasText: 'Your account is ready' })).toBeVisible()
})
