import { readFile } from 'node:fs/promises'
import { expect, type Locator, type Page } from '@playwright/test'
import { VALID_PASSWORD, uniqueEmail } from './users.ts'

/**
 * Registers a fresh listener through the page's own request context, so the browser holds the
 * session cookie and the next page load is signed in (quicker than the form, which has its own tests).
 */
export async function signUp(page: Page, label = 'listener') {
  const email = uniqueEmail(label)
  const response = await page.request.post('/api/v1/auth/register', { data: { email, password: VALID_PASSWORD } })
  expect(response.status(), await response.text()).toBe(201)
  return { email, password: VALID_PASSWORD }
}

/** Searches the catalog on My list, picks `name`, and adds it with the given tags. */
export async function addToMyList(page: Page, query: string, name: string, tags: string[] = []) {
  // Below 640 px the add panel waits behind a button.
  const openPanel = page.getByRole('button', { name: 'Add an artist', expanded: false })
  if (await openPanel.isVisible()) await openPanel.click()
  await page.getByLabel('Search the catalog', { exact: true }).fill(query)
  await page.getByRole('button', { name: `Choose ${name}`, exact: true }).click()
  if (tags.length) await page.getByLabel('Tags', { exact: true }).fill(`${tags.join(', ')},`)
  await page.getByRole('button', { name: 'Add to my list' }).click()
  await expect(page.getByTestId('toast').filter({ hasText: name })).toBeVisible()
  // The toast comes as the API answers; the list shows the entry once it has reloaded.
  await expect(entryNames(page).filter({ hasText: name })).toBeVisible()
}

/** The entries on My list, by artist name, in the order shown. */
export function entryNames(page: Page): Locator {
  return page.getByTestId('list-entry').getByRole('heading', { level: 3 })
}

/** Clicks what starts a download and returns the file's name and text. */
export async function download(page: Page, start: () => Promise<unknown>) {
  const [file] = await Promise.all([page.waitForEvent('download'), start()])
  const path = await file.path()
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') }
}

/** On a list the user curates: searches the catalog, picks `name` and adds it to the draft with a rationale. */
export async function addToDraft(page: Page, name: string, rationale: string, evidenceUrl?: string) {
  await page.getByLabel('Search the catalog').fill(name)
  await page.getByRole('button', { name: `Choose ${name}`, exact: true }).click()
  await page.getByLabel('Rationale').fill(rationale)
  if (evidenceUrl) await page.getByLabel('Evidence link (optional)').fill(evidenceUrl)
  await page.getByRole('button', { name: 'Add to draft' }).click()
  await expect(page.getByTestId('list-item').filter({ hasText: name })).toBeVisible()
}
