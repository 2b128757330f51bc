import { expect, test } from '@playwright/test'
import { passwordPolicy } from '@ndith/contracts'
import { registerForm } from './support/forms.ts'

const EMAIL = 'nightowl@example.com'

/** A password that breaks exactly one rule of the policy, for each rule. */
const breaksOnly: Record<string, string> = {
  'min-length': 'Short-Pw-1',
  'max-length': `Aa1-${'x'.repeat(130)}`,
  lowercase: 'UPPERCASE-ONLY-42',
  uppercase: 'lowercase-only-42',
  digit: 'No-Digits-Anywhere',
  'not-email': 'Hello-NightOwl-42',
}

test.describe('Password checklist', () => {
  test('the checklist shows every rule of the policy, none met before typing', async ({ page }) => {
    await page.goto('/register')
    const form = registerForm(page)

    await expect(form.checklist.locator('[data-rule]')).toHaveCount(passwordPolicy.length)
    for (const rule of passwordPolicy) {
      await expect(form.rule(rule.id)).toContainText(rule.message)
      await expect(form.rule(rule.id)).toHaveAttribute('data-state', 'pending')
    }
    await expect(form.checklist.getByRole('list')).toHaveAttribute('aria-live', 'polite')
  })

  for (const rule of passwordPolicy) {
    test(`a password that breaks "${rule.message}" marks only that rule as missing and keeps submit disabled`, async ({ page }) => {
      const sample = breaksOnly[rule.id]
      expect(sample, `add a sample password for the new rule "${rule.id}" to breaksOnly`).toBeDefined()
      await page.goto('/register')
      const form = registerForm(page)

      await form.fill({ email: EMAIL, password: sample, confirm: sample })

      await expect(form.rule(rule.id)).toHaveAttribute('data-state', 'unmet')
      await expect(form.rule(rule.id)).toContainText(`Missing: ${rule.message}`)
      for (const other of passwordPolicy.filter((r) => r.id !== rule.id)) {
        await expect(form.rule(other.id)).toHaveAttribute('data-state', 'met')
      }
      await expect(form.submit).toBeDisabled()
    })
  }
})
