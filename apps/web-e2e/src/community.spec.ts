import { expect, test } from '@playwright/test'
import { seedCatalog } from './support/catalog.ts'
import { addToDraft, addToMyList, signUp } from './support/listener.ts'

test.beforeAll(() => seedCatalog())

test('a curator creates and publishes a list; another listener previews it, subscribes, sees it in the effective list, and reviews the next version before it counts', async ({
  browser,
}) => {
  test.setTimeout(90_000)
  const listName = `Documented abuse ${Date.now()}`

  // The curator.
  const curator = await browser.newPage()
  await signUp(curator, 'curator')
  await curator.goto('/community')
  await curator.getByRole('link', { name: 'Create a list' }).first().click()
  await curator.getByLabel('Name').fill(listName)
  await curator.getByLabel('Criteria').fill('Artists with credible, documented abuse allegations.')
  await curator.getByLabel('How often you plan to publish updates').selectOption('Monthly')
  await curator.getByRole('button', { name: 'Create list' }).click()
  await expect(curator.getByRole('heading', { level: 1, name: listName })).toBeVisible()
  const listPath = new URL(curator.url()).pathname

  await addToDraft(curator, 'R. Kelly', 'Convicted of racketeering and sex trafficking in 2021.', 'https://en.wikipedia.org/wiki/R._Kelly')
  await addToDraft(curator, 'Chris Brown', 'Pleaded guilty to felony assault in 2009.')
  await curator.getByLabel('What changed').fill('First version.')
  await curator.getByRole('button', { name: 'Publish version 1' }).click()
  await expect(curator.getByTestId('draft-status')).toContainText('Everything is published in version 1')

  // The listener, who already blocks Chris Brown personally.
  const listener = await browser.newPage()
  await signUp(listener, 'subscriber')
  await listener.goto('/my-list')
  await addToMyList(listener, 'chris brown', 'Chris Brown')
  await listener.goto('/community')
  await listener.getByLabel('Search community lists').fill(listName)
  await listener.getByRole('link', { name: listName }).click()
  await expect(listener.getByTestId('list-criteria')).toHaveText('Artists with credible, documented abuse allegations.')

  const preview = listener.getByTestId('subscribe-preview')
  await expect(preview).toContainText('Subscribing adds 1 artist to your effective list; you already block 1 more of its 2.')
  await expect(preview.getByText('R. Kelly', { exact: true })).toBeVisible()
  await listener.getByRole('button', { name: 'Subscribe', exact: true }).click()
  await expect(listener.getByTestId('subscription-status')).toContainText('You subscribe with auto-update. Version 1 counts in your effective list.')

  await listener.goto('/my-list/effective')
  const kelly = listener.getByTestId('effective-entry').filter({ hasText: 'R. Kelly' })
  await expect(kelly.getByRole('link', { name: `${listName} · v1` })).toBeVisible()
  const brown = listener.getByTestId('effective-entry').filter({ hasText: 'Chris Brown' })
  await expect(brown.getByRole('link', { name: 'Your personal list' })).toBeVisible()
  await expect(brown.getByRole('link', { name: `${listName} · v1` })).toBeVisible()

  // Version 2 does not count until the listener has seen its changes and accepted them.
  await addToDraft(curator, 'Marilyn Manson', 'Multiple abuse allegations from former partners.')
  await curator.getByRole('button', { name: 'Publish version 2' }).click()
  await expect(curator.getByTestId('draft-status')).toContainText('Everything is published in version 2')

  // (Each load renews the session; wait for the page before moving on, as a user would.)
  await listener.reload()
  await expect(listener.getByTestId('effective-entry').filter({ hasText: 'R. Kelly' })).toBeVisible()
  await expect(listener.getByTestId('effective-entry').filter({ hasText: 'Marilyn Manson' })).toHaveCount(0)
  await listener.goto('/community/subscriptions')
  await expect(listener.getByTestId('subscription-row').filter({ hasText: listName })).toContainText('Version 2 to review')
  await listener.getByRole('link', { name: listName }).click()
  const pending = listener.getByTestId('pending-update')
  await expect(pending.getByRole('heading', { name: 'Added (1)' })).toBeVisible()
  await expect(pending).toContainText('Marilyn Manson')
  await pending.getByRole('button', { name: 'Accept version 2' }).click()
  await expect(listener.getByTestId('subscription-status')).toContainText('Version 2 counts in your effective list.')

  await listener.goto('/my-list/effective')
  await expect(listener.getByTestId('effective-entry').filter({ hasText: 'Marilyn Manson' }).getByRole('link', { name: `${listName} · v2` })).toBeVisible()

  // The version history shows each version's changes.
  await listener.goto(listPath)
  await listener.getByRole('button', { name: 'Show changes in version 1' }).click()
  await expect(listener.getByTestId('version-row').filter({ hasText: 'First version.' }).getByTestId('version-diff')).toContainText('Version 1 compared with an empty list')

  // Reporting an item, then unsubscribing (with undo).
  await listener.getByRole('button', { name: 'Report Chris Brown' }).click()
  await listener.getByLabel('What is wrong').selectOption('no_evidence')
  await listener.getByLabel('Details (optional)').fill('No link to a source.')
  await listener.getByRole('button', { name: 'Send report' }).click()
  await expect(listener.getByTestId('toast').filter({ hasText: 'Your report about Chris Brown was sent' })).toBeVisible()
  await listener.goto('/community')
  await listener.getByRole('navigation', { name: 'Community views' }).getByRole('link', { name: 'Reports' }).click()
  const report = listener.getByTestId('report-row').filter({ hasText: 'Chris Brown' })
  await expect(report).toContainText('No evidence')
  await expect(report).toContainText('No link to a source.')
  await expect(report).toContainText('Open')
  await report.getByRole('link', { name: listName }).click()
  await expect(listener).toHaveURL(listPath)

  await listener.getByRole('button', { name: 'Unsubscribe' }).click()
  await expect(listener.getByRole('heading', { name: 'Subscribe', exact: true })).toBeVisible()
  await listener.goto('/my-list/effective')
  await expect(listener.getByTestId('effective-entry').filter({ hasText: 'Chris Brown' })).toHaveCount(1)
  await expect(listener.getByTestId('effective-entry').filter({ hasText: 'R. Kelly' })).toHaveCount(0)

  await curator.close()
  await listener.close()
})
