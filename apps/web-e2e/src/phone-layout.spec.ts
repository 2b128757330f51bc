import { expect, test } from '@playwright/test'
import { seedCatalog } from './support/catalog.ts'
import { addToMyList, entryNames, signUp } from './support/listener.ts'
import { checkPage } from './support/page-check.ts'

test.beforeAll(() => seedCatalog())

test.describe('On a phone (390 × 844)', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('My list shows its first entry on the first screen; the add panel opens from a button', async ({ page }) => {
    test.setTimeout(90_000)
    await signUp(page, 'phone')
    await page.goto('/my-list')
    const addButton = page.getByRole('button', { name: 'Add an artist' })
    await expect(addButton).toHaveAttribute('aria-expanded', 'false')
    await expect(page.getByLabel('Search the catalog')).toBeHidden()

    await addToMyList(page, 'kanye', 'Kanye West', ['allegations'])
    await addToMyList(page, 'drake', 'Drake')
    await addToMyList(page, 'chris brown', 'Chris Brown', ['allegations', 'violence'])

    await page.reload()
    await expect(entryNames(page)).toHaveCount(3)
    await expect(page.getByLabel('Search the catalog')).toBeHidden()
    const first = page.getByTestId('list-entry').first()
    const box = (await first.boundingBox())!
    expect(box.y, 'the first entry starts on the first screen').toBeGreaterThan(0)
    expect(box.y + Math.min(box.height, 96), 'the first entry (its name and tags) fits on the first screen').toBeLessThanOrEqual(844)
    await expect(first.getByRole('heading', { level: 3 })).toBeInViewport({ ratio: 1 })
    await checkPage(page, 'phone-my-list-390')

    await addButton.click()
    await expect(page.getByLabel('Search the catalog')).toBeFocused()
    await checkPage(page, 'phone-my-list-add-open-390')
  })

  test('the header menu holds the account, the theme and Sign out', async ({ page }) => {
    test.setTimeout(60_000)
    const { email } = await signUp(page, 'phone-menu')
    await page.goto('/my-list')
    await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeHidden()

    const menu = page.getByRole('button', { name: 'Menu' })
    await menu.click()
    await expect(menu).toHaveAttribute('aria-expanded', 'true')
    await expect(page.getByRole('banner').getByText(email, { exact: true })).toBeVisible()
    await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).check({ force: true })
    await checkPage(page, 'phone-menu-open-dark-390')

    await page.keyboard.press('Escape')
    await expect(menu).toBeFocused()
    await expect(menu).toHaveAttribute('aria-expanded', 'false')
    await checkPage(page, 'phone-my-list-dark-390')

    await menu.click()
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/sign-in/)
    await expect(page.getByText('You have signed out.')).toBeVisible()
  })
})

test('at 1280 px Sign out sits in the header, and a list row\'s Edit button keeps its own height', async ({ page }) => {
  test.setTimeout(60_000)
  await page.setViewportSize({ width: 1280, height: 800 })
  await signUp(page, 'wide')
  await page.goto('/my-list')
  await expect(page.getByRole('button', { name: 'Add an artist' })).toBeHidden()
  await addToMyList(page, 'kanye', 'Kanye West', ['allegations', 'live', 'tour'])
  await page.getByRole('button', { name: 'Edit Kanye West' }).click()
  await page.getByLabel('Note', { exact: true }).fill('Three lines of note\nso the row grows\ntaller than its buttons')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('taller than its buttons')).toBeVisible()

  const row = (await page.getByTestId('list-entry').first().boundingBox())!
  const edit = (await page.getByRole('button', { name: 'Edit Kanye West' }).boundingBox())!
  expect(row.height).toBeGreaterThan(100)
  expect(edit.height).toBeLessThanOrEqual(40)

  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in/)
})
