import { expect, test } from '@playwright/test'
import { seedCatalog } from './support/catalog.ts'
import { addToMyList, download, entryNames, signUp } from './support/listener.ts'

test.beforeAll(() => seedCatalog())

test.describe('My list', () => {
  test.beforeEach(async ({ page }) => {
    await signUp(page, 'mylist')
    await page.goto('/my-list')
    await expect(page.getByText('Your list is empty')).toBeVisible()
  })

  test('searching with a typo finds the artist, who is added with a tag and shows up on the list', async ({ page }) => {
    await page.getByLabel('Search the catalog').fill('kanye wst')
    const result = page.locator('#add-artist-search-results li').filter({ hasText: 'Kanye West' })
    await expect(result.getByText('Spotify')).toBeVisible()
    await expect(result.getByText('MusicBrainz')).toBeVisible()
    await result.getByRole('button', { name: 'Choose Kanye West' }).click()

    await page.getByLabel('Tags', { exact: true }).fill('allegations,')
    await page.getByLabel('Note').fill('Not on my playlists')
    await page.getByRole('button', { name: 'Add to my list' }).click()

    await expect(page.getByTestId('toast')).toContainText('Added Kanye West to your list.')
    const entry = page.getByTestId('list-entry').filter({ hasText: 'Kanye West' })
    await expect(entry.getByRole('button', { name: 'Show only entries tagged allegations' })).toBeVisible()
    await expect(entry).toContainText('Not on my playlists')
    await expect(entry.getByRole('link', { name: 'Kanye West on Spotify (opens in a new tab)' })).toHaveAttribute(
      'href',
      'https://open.spotify.com/artist/5K4W6rqBFWDnAN6FQUkS6x',
    )
    await expect(page.getByLabel('Search the catalog')).toBeFocused()
  })

  test('adding an artist twice says it is already on the list', async ({ page }) => {
    await addToMyList(page, 'drake', 'Drake')

    await page.getByLabel('Search the catalog').fill('drake')
    await page.getByRole('button', { name: 'Choose Drake' }).click()
    await page.getByRole('button', { name: 'Add to my list' }).click()

    await expect(page.getByTestId('toast').filter({ hasText: 'Drake is already on your list.' })).toBeVisible()
    await expect(entryNames(page)).toHaveText(['Drake'])
  })

  test('a pasted Spotify link finds its artist', async ({ page }) => {
    await page.getByLabel('Search the catalog').fill('https://open.spotify.com/artist/3iOvXCl6edW5Um0fXEBRXy?si=abc')

    await expect(page.getByRole('button', { name: 'Choose Morrissey' })).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: 'Found the artist for this link.' })).toBeVisible()
  })

  test('the list filters by tag, searches within itself and sorts by name', async ({ page }) => {
    await addToMyList(page, 'drake', 'Drake', ['rap'])
    await addToMyList(page, 'morrissey', 'Morrissey', ['indie'])
    await addToMyList(page, 'future islands', 'Future Islands', ['indie'])
    await expect(entryNames(page)).toHaveText(['Future Islands', 'Morrissey', 'Drake'])

    await page.getByLabel('Tag', { exact: true }).selectOption('indie')
    await expect(entryNames(page)).toHaveText(['Future Islands', 'Morrissey'])

    await page.getByLabel('Sort').selectOption('Name A–Z')
    await expect(entryNames(page)).toHaveText(['Future Islands', 'Morrissey'])

    await page.getByLabel('Search your list', { exact: true }).fill('morr')
    await expect(entryNames(page)).toHaveText(['Morrissey'])

    await page.getByLabel('Search your list', { exact: true }).fill('nobody like this')
    await expect(page.getByText('No entries match')).toBeVisible()
    await page.getByRole('button', { name: 'Clear search and tag' }).click()
    await expect(entryNames(page)).toHaveText(['Drake', 'Future Islands', 'Morrissey'])
  })

  test('an entry is edited in place', async ({ page }) => {
    await addToMyList(page, 'chris brown', 'Chris Brown', ['violence'])

    await page.getByRole('button', { name: 'Edit Chris Brown' }).click()
    await page.getByRole('button', { name: 'Remove tag violence' }).click()
    await page.getByLabel('Tags', { exact: true }).fill('assault,')
    await page.getByLabel('Note').fill('2009 felony assault')
    await page.getByRole('button', { name: 'Save' }).click()

    const entry = page.getByTestId('list-entry').filter({ hasText: 'Chris Brown' })
    await expect(entry.getByRole('button', { name: 'Show only entries tagged assault' })).toBeVisible()
    await expect(entry.getByRole('button', { name: 'Show only entries tagged violence' })).toHaveCount(0)
    await expect(entry).toContainText('2009 felony assault')
    await page.reload()
    await expect(page.getByTestId('list-entry').filter({ hasText: 'Chris Brown' })).toContainText('2009 felony assault')
  })

  test('a removed entry comes back with its tags when the user presses Undo', async ({ page }) => {
    await addToMyList(page, 'r kelly', 'R. Kelly', ['allegations'])

    await page.getByRole('button', { name: 'Remove R. Kelly' }).click()
    const undo = page.getByTestId('toast').filter({ hasText: 'Removed R. Kelly from your list.' }).getByRole('button', { name: 'Undo' })
    await expect(undo).toBeFocused()
    await expect(page.getByText('Your list is empty')).toBeVisible()

    await page.keyboard.press('Enter')

    await expect(page.getByTestId('toast').filter({ hasText: 'R. Kelly is back on your list.' })).toBeVisible()
    await expect(page.getByTestId('list-entry').filter({ hasText: 'R. Kelly' }).getByRole('button', { name: 'Show only entries tagged allegations' })).toBeVisible()
  })

  test('the list downloads as CSV and as JSON', async ({ page }) => {
    await addToMyList(page, 'drake', 'Drake', ['rap', 'beef'])

    await page.getByRole('button', { name: 'Export' }).click()
    const csv = await download(page, () => page.getByRole('button', { name: /Download CSV/ }).click())
    expect(csv.name).toMatch(/\.csv$/)
    expect(csv.text.split(/\r?\n/)[0]).toBe('name,url,tags,note,added_at')
    expect(csv.text).toContain('Drake,https://open.spotify.com/artist/3TVXtAsR1Inumwj472S9r4,rap|beef')

    await page.getByRole('button', { name: 'Export' }).click()
    const json = await download(page, () => page.getByRole('button', { name: /Download JSON/ }).click())
    expect(json.name).toMatch(/\.json$/)
    expect(JSON.stringify(JSON.parse(json.text))).toContain('"name":"Drake"')
  })
})
