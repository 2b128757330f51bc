import { expect, test } from '@playwright/test'
import { seedCatalog } from './support/catalog.ts'
import { addToDraft, signUp } from './support/listener.ts'

test.beforeAll(() => seedCatalog())

test('a curator who published twice deletes their account; the subscriber keeps the list, by a deleted account', async ({ browser }) => {
  test.setTimeout(90_000)
  const listName = `Leaving curator ${Date.now()}`
  const curator = await browser.newPage()
  const { password } = await signUp(curator, 'leaving-curator')
  await curator.goto('/community/new')
  await curator.getByLabel('Name').fill(listName)
  await curator.getByLabel('Criteria').fill('Artists the curator documented.')
  await curator.getByRole('button', { name: 'Create list' }).click()
  await expect(curator.getByRole('heading', { level: 1, name: listName })).toBeVisible()
  const listPath = new URL(curator.url()).pathname
  await addToDraft(curator, 'R. Kelly', 'Convicted in 2021.')
  await curator.getByRole('button', { name: 'Publish version 1' }).click()
  await expect(curator.getByTestId('draft-status')).toContainText('Everything is published in version 1')
  await addToDraft(curator, 'Chris Brown', 'Pleaded guilty in 2009.')
  await curator.getByRole('button', { name: 'Publish version 2' }).click()
  await expect(curator.getByTestId('draft-status')).toContainText('Everything is published in version 2')

  const subscriber = await browser.newPage()
  await signUp(subscriber, 'kept-subscriber')
  await subscriber.goto(listPath)
  await subscriber.getByRole('button', { name: 'Subscribe', exact: true }).click()
  await expect(subscriber.getByTestId('subscription-status')).toContainText('Version 2 counts in your effective list.')

  await curator.goto('/account')
  await curator.getByRole('button', { name: 'Delete account…' }).click()
  await curator.getByLabel('Your password', { exact: true }).fill(password)
  await curator.getByRole('button', { name: 'Delete my account' }).click()
  await expect(curator).toHaveURL('/sign-in')
  await expect(curator.getByRole('status')).toContainText('Your account and its data were deleted.')

  await subscriber.reload()
  await expect(subscriber.getByRole('heading', { level: 1, name: listName })).toBeVisible()
  await expect(subscriber.getByText('by a deleted account')).toBeVisible()
  await subscriber.goto('/my-list/effective')
  for (const artist of ['R. Kelly', 'Chris Brown']) {
    await expect(subscriber.getByTestId('effective-entry').filter({ hasText: artist }).getByRole('link', { name: `${listName} · v2` })).toBeVisible()
  }
  await curator.close()
  await subscriber.close()
})
