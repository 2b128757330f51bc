import { expect, test, type Page } from '@playwright/test'
import { seedCatalog } from './support/catalog.ts'
import { addToMyList, signUp } from './support/listener.ts'

test.beforeAll(() => seedCatalog())

test.describe('Search that forgives typos, and adding an artist already listed', () => {
  test.beforeEach(async ({ page }) => {
    await signUp(page, 'typos')
    await page.goto('/my-list')
    await expect(page.getByText('Your list is empty')).toBeVisible()
  })

  const results = (page: Page) => page.locator('#add-artist-search-results > li')

  test('swapped letters and two typos find the artist, the exact name first', async ({ page }) => {
    const search = page.getByRole('searchbox', { name: 'Search the catalog' })
    await search.fill('Darke')
    await expect(results(page).first()).toContainText('Drake')
    await search.fill('Travsi Scot')
    await expect(results(page).first()).toContainText('Travis Scott')
    await search.fill('future')
    await expect(results(page).first().getByRole('button', { name: 'Choose Future', exact: true })).toBeVisible()
    await expect(results(page).nth(1)).toContainText('Future Islands')
  })

  test('a search that finds nothing offers "did you mean", which runs that search', async ({ page }) => {
    await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('Trevos Skott')
    await expect(page.getByRole('status').filter({ hasText: 'No artist matches “Trevos Skott”.' })).toBeVisible()
    await expect(page.getByText('Did you mean Travis Scott?')).toBeVisible()

    await page.getByRole('button', { name: 'Travis Scott', exact: true }).click()

    await expect(page.getByRole('searchbox', { name: 'Search the catalog' })).toHaveValue('Travis Scott')
    await expect(page.getByRole('button', { name: 'Choose Travis Scott' })).toBeVisible()
  })

  test('an artist already on the list is marked, and the typed tag and note go onto its entry', async ({ page }) => {
    await addToMyList(page, 'drake', 'Drake', ['rap'])

    await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('dkrae')
    const drake = results(page).filter({ hasText: 'Drake' })
    await expect(drake.getByText('On your list')).toBeVisible()
    await drake.getByRole('button', { name: 'Choose Drake' }).click()
    await expect(page.getByText('Drake is already on your list; tags and a note you add here can go onto its entry.')).toBeVisible()
    await page.getByLabel('Tags', { exact: true }).fill('beef,')
    await page.getByLabel('Note').fill('Skip the live albums too')
    await page.getByRole('button', { name: 'Add to my list' }).click()

    await expect(page.getByText('Already on your list — add the tag “beef” and your note to it?')).toBeVisible()
    await page.getByRole('button', { name: 'Add to the existing entry' }).click()

    await expect(page.getByTestId('toast').filter({ hasText: 'Updated Drake on your list.' })).toBeVisible()
    const entry = page.getByTestId('list-entry').filter({ hasText: 'Drake' })
    await expect(entry.getByRole('button', { name: 'Show only entries tagged rap' })).toBeVisible()
    await expect(entry.getByRole('button', { name: 'Show only entries tagged beef' })).toBeVisible()
    await expect(entry).toContainText('Skip the live albums too')
    await expect(page.getByTestId('list-entry')).toHaveCount(1)
  })
})
