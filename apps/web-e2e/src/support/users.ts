import { randomUUID } from 'node:crypto'
import type { APIRequestContext } from '@playwright/test'

/** Meets every rule of the password policy. */
export const VALID_PASSWORD = 'Quiet-Library-2048'

/** A fresh address per call: the suite never depends on what an earlier run left behind. */
export function uniqueEmail(label = 'listener'): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`
}

/** Creates an account straight through the API (for tests about something other than registering). */
export async function registerThroughApi(request: APIRequestContext, email = uniqueEmail(), password = VALID_PASSWORD) {
  const response = await request.post('/api/v1/auth/register', { data: { email, password } })
  if (response.status() !== 201) throw new Error(`register ${email}: HTTP ${response.status()} ${await response.text()}`)
  return { email, password }
}
