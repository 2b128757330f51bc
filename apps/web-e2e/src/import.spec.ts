import { expect, test } from '@playwright/test'
import { seedCatalog, spotifyUrl } from './support/catalog.ts'
import { addToMyList, download, entryNames, signUp } from './support/listener.ts'

test.beforeAll(() => seedCatalog())

test.describe('Import', () => {
  test.beforeEach(async ({ page }) => {
    await signUp(page, 'import')
  })

  test('a CSV goes through the preview: rows are matched, the ambiguous one is chosen, and only the confirmed rows are added', async ({ page }) => {
    await page.goto('/my-list')
    await addToMyList(page, 'morrissey', 'Morrissey')
    await page.getByRole('link', { name: 'Import' }).click()
    await expect(page.getByRole('heading', { name: 'Import a file' })).toBeVisible()

    const csv = [
      'name,url,tags,note',
      'Drake,,rap|beef,Too much',
      'Kanye Wst,,,',
      `,${spotifyUrl('R. Kelly')},allegations,`,
      'Morrissey,,,',
      'Nobody At All Xyzzy,,,',
      ',https://example.com/not-an-artist,,',
    ].join('\n')
    await page.getByLabel('File').setInputFiles({ name: 'my-list.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await expect(page.getByText('my-list.csv · read as CSV')).toBeVisible()
    await page.getByRole('button', { name: 'Preview import' }).click()

    await expect(page.getByRole('heading', { name: '6 rows checked' })).toBeFocused()
    const row = (n: number) => page.getByTestId('import-row').nth(n - 1)
    await expect(row(1)).toHaveAttribute('data-status', 'will_add')
    await expect(row(2)).toHaveAttribute('data-status', 'ambiguous')
    await expect(row(3)).toHaveAttribute('data-status', 'will_add')
    await expect(row(4)).toHaveAttribute('data-status', 'already_listed')
    await expect(row(5)).toHaveAttribute('data-status', 'not_found')
    await expect(row(6)).toHaveAttribute('data-status', 'invalid')
    await expect(page.getByText('1 row needs a choice and will be skipped otherwise.')).toBeVisible()

    await row(2).getByRole('radio', { name: /Kanye West/ }).check()
    await page.getByRole('button', { name: 'Import 3 artists' }).click()

    await expect(page.getByText('Import done.')).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: 'Import done.' })).toContainText('3 artists were added to your list')
    await page.getByRole('link', { name: 'See my list' }).click()
    await page.getByLabel('Sort').selectOption('Name A–Z')
    await expect(entryNames(page)).toHaveText(['Drake', 'Kanye West', 'Morrissey', 'R. Kelly'])
    await expect(page.getByTestId('list-entry').filter({ hasText: 'Drake' })).toContainText('Too much')
  })

  test('plain names without a header, a link in the name column, repeated rows combined, and a count that holds', async ({ page }) => {
    await page.goto('/my-list')
    await addToMyList(page, 'morrissey', 'Morrissey')
    await addToMyList(page, 'future', 'Future')
    await page.goto('/my-list/import')

    const pasted = ['Drake', 'drake', spotifyUrl('R. Kelly'), 'Morrissey', 'Futur', 'Nobody At All Xyzzy'].join('\n')
    await page.getByLabel('Or paste your list').fill(pasted)
    await page.getByRole('button', { name: 'Preview import' }).click()

    await expect(page.getByRole('heading', { name: '6 rows checked' })).toBeFocused()
    const row = (n: number) => page.getByTestId('import-row').nth(n - 1)
    await expect(row(1)).toHaveAttribute('data-status', 'will_add')
    await expect(row(1)).toContainText('2 rows for Drake combined (rows 1, 2)')
    await expect(row(2)).toHaveAttribute('data-status', 'duplicate')
    await expect(row(2)).toContainText('Combined with row 1 (Drake)')
    await expect(row(3)).toHaveAttribute('data-status', 'will_add')
    await expect(row(3)).toContainText('R. Kelly')
    await expect(row(4)).toHaveAttribute('data-status', 'already_listed')
    await expect(row(5)).toHaveAttribute('data-status', 'ambiguous')
    await expect(row(6)).toHaveAttribute('data-status', 'not_found')
    await expect(page.getByText('1 repeated row was combined with its first row.')).toBeVisible()

    // Future is on the list already: marked, and it cannot be picked.
    const listed = row(5).getByRole('radio', { name: /^Future(?! Islands)/ })
    await expect(listed).toBeDisabled()
    await expect(row(5).locator('label', { hasText: 'Already on your list' })).toContainText('Future')

    await expect(page.getByRole('button', { name: 'Import 2 artists' })).toBeEnabled()
    await row(5).getByRole('radio', { name: /Future Islands/ }).check()
    await page.getByRole('button', { name: 'Import 3 artists' }).click()

    const done = page.getByRole('status').filter({ hasText: 'Import done.' })
    await expect(done).toContainText('3 artists were added to your list.')
    await expect(done).not.toContainText('already on it')
    await page.getByRole('link', { name: 'See my list' }).click()
    await page.getByLabel('Sort').selectOption('Name A–Z')
    await expect(entryNames(page)).toHaveText(['Drake', 'Future', 'Future Islands', 'Morrissey', 'R. Kelly'])
  })

  test('an exported CSV imports again as it is', async ({ page, browser }) => {
    await page.goto('/my-list')
    await addToMyList(page, 'drake', 'Drake', ['rap'])
    await addToMyList(page, 'travis', 'Travis Scott')
    await page.getByRole('button', { name: 'Export' }).click()
    const exported = await download(page, () => page.getByRole('button', { name: /Download CSV/ }).click())

    const other = await browser.newPage()
    await signUp(other, 'reimport')
    await other.goto('/my-list/import')
    await other.getByLabel('Or paste your list').fill(exported.text)
    await other.getByRole('button', { name: 'Preview import' }).click()
    await expect(other.getByRole('button', { name: 'Import 2 artists' })).toBeEnabled()
    await other.getByRole('button', { name: 'Import 2 artists' }).click()
    await expect(other.getByText('Import done.')).toBeVisible()

    await other.goto('/my-list')
    await other.getByLabel('Sort').selectOption('Name A–Z')
    await expect(entryNames(other)).toHaveText(['Drake', 'Travis Scott'])
    await expect(other.getByTestId('list-entry').filter({ hasText: 'Drake' }).getByRole('button', { name: 'Show only entries tagged rap' })).toBeVisible()
    await other.close()
  })

  test('a file the API cannot read says why, next to the input', async ({ page }) => {
    await page.goto('/my-list/import')
    await page.getByLabel('Or paste your list').fill('artist_id,genre\n1,rap\n2,pop')

    await page.getByRole('button', { name: 'Preview import' }).click()

    await expect(page.getByLabel('Or paste your list')).toHaveAccessibleDescription(/needs a header row with a "name" and\/or "url" column/)
  })
})
