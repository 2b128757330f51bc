import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter'

/** Prints why each skipped test was skipped (the list reporter shows only that it was). */
export default class SkipReasons implements Reporter {
  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status !== 'skipped') return
    const reason = [...test.annotations, ...result.annotations].find((a) => a.type === 'skip')?.description
    console.log(`  skipped: ${test.titlePath().slice(1).join(' › ')}${reason ? ` (${reason})` : ''}`)
  }

  printsToStdio() {
    return false
  }
}
