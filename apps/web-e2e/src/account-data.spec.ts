import { expect, test } from '@playwright/test'
import { seedCatalog } from './support/catalog.ts'
import { signInForm } from './support/forms.ts'
import { addToMyList, download, signUp } from './support/listener.ts'

test.beforeAll(() => seedCatalog())

test('the activity page lists what the user did, newest first, in words', async ({ page }) => {
  await signUp(page, 'activity')
  await page.goto('/my-list')
  await addToMyList(page, 'drake', 'Drake', ['rap'])
  await page.getByRole('button', { name: 'Remove Drake' }).click()
  await expect(page.getByText('Your list is empty')).toBeVisible()

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click()

  const items = page.getByTestId('activity-item')
  await expect(items.nth(0)).toContainText('Removed an artist from the list')
  await expect(items.nth(0)).toContainText('Drake')
  await expect(items.nth(1)).toContainText('Added an artist to the list')
  await expect(items.nth(2)).toContainText('Created the account')
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible()
  await expect(page.getByText('That’s everything.')).toBeVisible()
})

test('the account page exports all data, then deletes the account after the password is re-entered', async ({ page }) => {
  const { email, password } = await signUp(page, 'leaver')
  await page.goto('/my-list')
  await addToMyList(page, 'future', 'Future', ['trap'])
  await page.goto('/account')

  const exported = await download(page, () => page.getByRole('button', { name: 'Download my data' }).click())
  expect(exported.name).toMatch(/^ndith-account-\d{4}-\d{2}-\d{2}\.json$/)
  const data = JSON.parse(exported.text) as { user: { email: string }; blocklist: { artist_name: string; tags: string[] }[] }
  expect(data.user.email).toBe(email)
  expect(data.blocklist).toEqual([expect.objectContaining({ artist_name: 'Future', tags: ['trap'] })])

  await page.getByRole('button', { name: 'Delete account…' }).click()
  const passwordField = page.getByLabel('Your password', { exact: true })
  await passwordField.fill('Not-My-Password-1')
  await page.getByRole('button', { name: 'Delete my account' }).click()
  await expect(passwordField).toHaveAccessibleDescription('The password is not correct')
  await expect(page).toHaveURL('/account')

  await passwordField.fill(password)
  await page.getByRole('button', { name: 'Delete my account' }).click()

  await expect(page).toHaveURL('/sign-in')
  await expect(page.getByRole('status')).toContainText('Your account and its data were deleted.')
  await signInForm(page).signIn(email, password)
  await expect(page.getByRole('alert')).toContainText('Email or password is incorrect')
})
