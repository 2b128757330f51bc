import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { seriousViolations } from './axe.ts'
import { horizontalOverflow } from './layout.ts'

/**
 * The page fits its width without sideways scrolling and has no serious accessibility finding;
 * its screenshot is saved to test-results/screenshots/<name>.png and attached to the report.
 */
export async function checkPage(page: Page, name: string) {
  expect(await horizontalOverflow(page), `${name} scrolls sideways`).toBe(0)
  expect(await seriousViolations(page), `${name} accessibility`).toEqual([])
  const file = path.join(test.info().project.outputDir, 'screenshots', `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  await test.info().attach(name, { path: file, contentType: 'image/png' })
}
