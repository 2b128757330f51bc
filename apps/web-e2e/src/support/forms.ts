import type { Page } from '@playwright/test'

/** The registration form, located the way a user finds it: by labels and roles. */
export function registerForm(page: Page) {
  const form = page.getByRole('form', { name: 'Create account' })
  return {
    form,
    email: form.getByLabel('Email', { exact: true }),
    password: form.getByLabel('Password', { exact: true }),
    confirm: form.getByLabel('Confirm password', { exact: true }),
    submit: form.getByRole('button', { name: 'Create account' }),
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
  const form = page.getByRole('form', { name: 'Sign in' })
  return {
    form,
    email: form.getByLabel('Email', { exact: true }),
    password: form.getByLabel('Password', { exact: true }),
    submit: form.getByRole('button', { name: 'Sign in' }),
    async signIn(email: string, password: string) {
      await this.email.fill(email)
      await this.password.fill(password)
      await this.submit.click()
    },
  }
}
