import { expect, test } from '@playwright/test'
import { seedCatalog } from './support/catalog.ts'
import { checkPage } from './support/page-check.ts'
import { addToMyList, signUp } from './support/listener.ts'

test.beforeAll(() => seedCatalog())


for (const width of [360, 1280] as const) {
  test(`at ${width} px the list, import, community, reports, activity and account pages fit without sideways scrolling and pass axe`, async ({ browser }) => {
    // Two listeners, eleven pages through axe: minutes on a machine shared with other work.
    test.setTimeout(180_000)
    const context = await browser.newContext({ viewport: { width, height: 800 } })
    const page = await context.newPage()
    await signUp(page, `layout-${width}`)

    await page.goto('/my-list')
    await expect(page.getByText('Your list is empty')).toBeVisible()
    await checkPage(page, `my-list-empty-${width}`)
    await addToMyList(page, 'kanye', 'Kanye West', ['allegations', 'live'])
    await addToMyList(page, 'r kelly', 'R. Kelly', ['allegations'])
    await page.getByLabel('Search the catalog').fill('future')
    await expect(page.getByRole('button', { name: 'Choose Future Islands' })).toBeVisible()
    await page.getByRole('button', { name: 'Edit R. Kelly' }).click()
    await checkPage(page, `my-list-${width}`)

    await page.goto('/my-list/import')
    await page.getByLabel('Or paste your list').fill('name\nDrake\nFutur\nNobody Xyzzy Qwerty')
    await page.getByRole('button', { name: 'Preview import' }).click()
    await expect(page.getByTestId('import-row')).toHaveCount(3)
    await checkPage(page, `import-preview-${width}`)

    await page.goto('/community/new')
    await page.getByLabel('Name').fill(`Layout list ${width}`)
    await page.getByLabel('Criteria').fill('Artists with documented abuse allegations, with a link to a reliable source for each.')
    await page.getByRole('button', { name: 'Create list' }).click()
    await page.getByLabel('Search the catalog').fill('chris brown')
    await page.getByRole('button', { name: 'Choose Chris Brown' }).click()
    await page.getByLabel('Rationale').fill('Pleaded guilty to felony assault in 2009.')
    await page.getByLabel('Evidence link (optional)').fill('https://en.wikipedia.org/wiki/Chris_Brown')
    await page.getByRole('button', { name: 'Add to draft' }).click()
    await page.getByRole('button', { name: 'Publish version 1' }).click()
    await expect(page.getByTestId('draft-status')).toContainText('Everything is published')
    await checkPage(page, `community-list-owner-${width}`)
    const listPath = new URL(page.url()).pathname

    const reader = await context.browser()!.newContext({ viewport: { width, height: 800 } }).then((c) => c.newPage())
    await signUp(reader, `layout-reader-${width}`)
    await reader.goto(listPath)
    await expect(reader.getByTestId('subscribe-preview')).toContainText('Subscribing adds')
    await checkPage(reader, `community-list-subscribe-${width}`)
    await reader.getByRole('button', { name: 'Report Chris Brown' }).click()
    await reader.getByLabel('Details (optional)').fill('The source is an encyclopedia page; a court record would be better.')
    await reader.getByRole('button', { name: 'Send report' }).click()
    await expect(reader.getByTestId('toast').filter({ hasText: 'Your report about Chris Brown was sent' })).toBeVisible()
    await reader.goto('/community/reports')
    await expect(reader.getByTestId('report-row')).toHaveCount(1)
    await checkPage(reader, `community-reports-${width}`)
    await reader.goto('/community')
    await expect(reader.getByTestId('community-list-card').first()).toBeVisible()
    await checkPage(reader, `community-browse-${width}`)

    await page.goto('/my-list/effective')
    await expect(page.getByTestId('effective-entry').first()).toBeVisible()
    await checkPage(page, `effective-list-${width}`)
    await page.goto('/activity')
    await expect(page.getByTestId('activity-item').first()).toBeVisible()
    await checkPage(page, `activity-${width}`)
    await page.goto('/account')
    await page.getByRole('button', { name: 'Delete account…' }).click()
    await checkPage(page, `account-data-${width}`)

    await reader.context().close()
    await context.close()
  })
}
