import type { Page } from '@playwright/test'

/** An auth form and the fields both have, located the way a user finds them: by labels and roles. */
function authForm(page: Page, name: string, submitName: string) {
  const form = page.getByRole('form', { name })
  const field = (label: string) => form.getByLabel(label, { exact: true })
  return { form, field, email: field('Email'), password: field('Password'), submit: form.getByRole('button', { name: submitName }) }
}

export function registerForm(page: Page) {
  const { form, field, ...fields } = authForm(page, 'Create account', 'Create account')
  return {
    form,
    ...fields,
    confirm: field('Confirm password'),
    checklist: form.locator('#register-password-rules'),
    rule: (id: string) => form.locator(`[data-rule="${id}"]`),
    async fill(values: { email?: string; password?: string; confirm?: string }) {
      if (values.email !== undefined) await this.email.fill(values.email)
      if (values.password !== undefined) await this.password.fill(values.password)
      if (values.confirm !== undefined) await this.confirm.fill(values.confirm)
    },
  }
}

export function signInForm(page: Page) {
  return {
    ...authForm(page, 'Sign in', 'Sign in'),
    async signIn(email: string, password: string) {
      await this.email.fill(email)
      await this.password.fill(password)
      await this.submit.click()
    },
  }
}
