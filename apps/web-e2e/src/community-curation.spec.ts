import { expect, test } from '@playwright/test'
import { seedCatalog } from './support/catalog.ts'
import { addToDraft, signUp } from './support/listener.ts'

test.beforeAll(() => seedCatalog())

test('a private list is invisible to other listeners', async ({ browser }) => {
  const owner = await browser.newPage()
  await signUp(owner, 'private-owner')
  await owner.goto('/community/new')
  await owner.getByLabel('Name').fill('My private notes')
  await owner.getByLabel('Criteria').fill('Only for me')
  await owner.getByRole('radio', { name: /Private/ }).check()
  await owner.getByRole('button', { name: 'Create list' }).click()
  await expect(owner.getByRole('heading', { level: 1, name: 'My private notes' })).toBeVisible()

  const other = await browser.newPage()
  await signUp(other, 'private-other')
  await other.goto(new URL(owner.url()).pathname)

  await expect(other.getByRole('heading', { level: 1, name: 'List not found' })).toBeVisible()
  await owner.close()
  await other.close()
})

test('the curator edits the details, fixes a rationale and removes an item with undo', async ({ page }) => {
  await signUp(page, 'editor')
  await page.goto('/community/new')
  await page.getByRole('button', { name: 'Create list' }).click()
  await expect(page.getByLabel('Name')).toHaveAccessibleDescription('Give the list a name')
  await page.getByLabel('Name').fill('Draft list')
  await page.getByLabel('Criteria').fill('Anything')
  await page.getByRole('button', { name: 'Create list' }).click()

  await page.getByRole('button', { name: 'Edit details' }).click()
  await page.getByLabel('Name').fill('Renamed list')
  await page.getByRole('button', { name: 'Save details' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Renamed list' })).toBeVisible()

  await addToDraft(page, 'Drake', 'First try')
  await page.getByRole('button', { name: 'Edit Drake' }).click()
  await page.getByLabel('Evidence link (optional)').fill('not a link')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByLabel('Evidence link (optional)')).toHaveAccessibleDescription('Enter a full link, starting with https://')
  await page.getByLabel('Evidence link (optional)').fill('')
  await page.getByLabel('Rationale').fill('Better rationale')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByTestId('list-item').filter({ hasText: 'Drake' })).toContainText('Better rationale')

  await page.getByRole('button', { name: 'Remove Drake' }).click()
  await expect(page.getByText('The draft is empty')).toBeVisible()
  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByTestId('list-item').filter({ hasText: 'Drake' })).toContainText('Better rationale')
})
