import type { Locator, Page } from '@playwright/test'

export interface Overlap {
  target: string
  other: string
  width: number
  height: number
}

/**
 * Every visible element on the page whose box intersects the target's box by more than `tolerance`
 * pixels in both directions. Ancestors and descendants of the target do not count (they contain it
 * or make it up); neither do elements that are invisible or take no space.
 */
export async function overlapsWith(target: Locator, tolerance = 1): Promise<Overlap[]> {
  return target.evaluate((el, tol) => {
    const describe = (node: Element) => {
      const id = node.id ? `#${node.id}` : ''
      const text = (node.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
      return `<${node.tagName.toLowerCase()}${id}> ${text}`
    }
    const box = el.getBoundingClientRect()
    const found: { target: string; other: string; width: number; height: number }[] = []
    for (const other of Array.from(document.body.querySelectorAll('*'))) {
      if (other === el || other.contains(el) || el.contains(other)) continue
      const style = getComputedStyle(other)
      if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) continue
      const r = other.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      const width = Math.min(box.right, r.right) - Math.max(box.left, r.left)
      const height = Math.min(box.bottom, r.bottom) - Math.max(box.top, r.top)
      if (width > tol && height > tol) found.push({ target: describe(el), other: describe(other), width, height })
    }
    return found
  }, tolerance)
}

/** How far the page scrolls sideways (0 when it fits the viewport). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
}
