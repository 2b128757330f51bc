import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { registerForm, signInForm } from './support/forms.ts'
import { horizontalOverflow, overlapsWith } from './support/layout.ts'
import { VALID_PASSWORD, registerThroughApi } from './support/users.ts'

const WIDTHS = [360, 768, 1280] as const

/** Saved to test-results/screenshots/<name>.png (one stable folder for CI to keep) and attached to the report. */
async function saveScreenshot(page: Page, name: string) {
  const file = path.join(test.info().project.outputDir, 'screenshots', `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  await test.info().attach(name, { path: file, contentType: 'image/png' })
}

for (const width of WIDTHS) {
  test.describe(`At ${width} px wide`, () => {
    test.use({ viewport: { width, height: 800 } })

    test('the registration form keeps its icons small and nothing overlaps the inputs or the submit button', async ({ page }) => {
      await page.goto('/register')
      const form = registerForm(page)
      // Feedback everywhere at once: mixed checklist, a field error, the disabled-submit hint.
      await form.fill({ email: 'nightowl@example.com', password: 'nightowl-1', confirm: 'night' })
      await form.confirm.blur()
      await expect(form.confirm).toHaveAttribute('aria-invalid', 'true')

      const icons = form.checklist.locator('[data-rule] svg')
      await expect(icons).toHaveCount(await form.checklist.locator('[data-rule]').count())
      for (const icon of await icons.all()) {
        const box = (await icon.boundingBox())!
        expect(box.width, 'checklist icon width').toBeLessThanOrEqual(24)
        expect(box.height, 'checklist icon height').toBeLessThanOrEqual(24)
        expect(box.width, 'checklist icon width').toBeGreaterThanOrEqual(16)
      }
      for (const target of [form.submit, form.email, form.password, form.confirm]) {
        expect(await overlapsWith(target)).toEqual([])
      }
      expect(await horizontalOverflow(page)).toBe(0)
      await saveScreenshot(page, `register-${width}`)

      await form.fill({ password: VALID_PASSWORD, confirm: VALID_PASSWORD })
      await expect(form.submit).toBeEnabled()
      expect(await overlapsWith(form.submit)).toEqual([])
    })

    test('the sign-in form with an error fits without overlaps', async ({ page }) => {
      await page.goto('/sign-in')
      const form = signInForm(page)
      await form.submit.click()
      await expect(form.email).toHaveAttribute('aria-invalid', 'true')

      for (const target of [form.submit, form.email, form.password]) {
        expect(await overlapsWith(target)).toEqual([])
      }
      expect(await horizontalOverflow(page)).toBe(0)
      await saveScreenshot(page, `sign-in-${width}`)
    })

    test('the account page fits without sideways scrolling', async ({ page, request }) => {
      const { email, password } = await registerThroughApi(request)
      await page.goto('/sign-in?next=%2Faccount')
      await signInForm(page).signIn(email, password)
      await expect(page.getByTestId('account-email')).toHaveText(email)

      expect(await overlapsWith(page.getByRole('main').getByRole('button', { name: 'Sign out', exact: true }))).toEqual([])
      expect(await horizontalOverflow(page)).toBe(0)
      await saveScreenshot(page, `account-${width}`)
    })
  })
}

test('keyboard focus follows the form and every stop shows a focus ring', async ({ page }) => {
  await page.goto('/register')
  const form = registerForm(page)
  await form.fill({ email: 'nightowl@example.com', password: VALID_PASSWORD, confirm: VALID_PASSWORD })
  await form.email.focus()

  const order: string[] = []
  for (let i = 0; i < 6; i++) {
    const focused = page.locator(':focus')
    order.push((await focused.getAttribute('aria-label')) ?? (await focused.getAttribute('id')) ?? (await focused.innerText()))
    const ring = await focused.evaluate((el) => {
      const style = getComputedStyle(el)
      return `${style.outlineStyle} ${style.outlineWidth}`
    })
    expect(ring, `focus ring on ${order.at(-1)}`).toBe('solid 2px')
    await page.keyboard.press('Tab')
  }

  expect(order).toEqual([
    'register-email',
    'register-password',
    'Show password',
    'register-confirm',
    'Show confirm password',
    'Create account',
  ])
})
