import { existsSync } from 'node:fs'
import { defineConfig, devices, type ReporterDescription } from '@playwright/test'
import { SYSTEM_CHROMIUM, SYSTEM_CHROMIUM_ARGS, external, ports, repoRoot, simulatorUrl, webUrl } from './src/support/environment.ts'

const useSystemChromium = existsSync(SYSTEM_CHROMIUM)
/** The production build of the web app, served by `vite preview` on `port`, with /api proxied to `apiPort`. */
const webServer = (name: string, command: string, port: number, apiPort: number, timeout: number) => ({
  name,
  command,
  cwd: repoRoot,
  env: { WEB_PORT: String(port), WEB_HOST: '127.0.0.1', API_PROXY_TARGET: `http://127.0.0.1:${apiPort}` },
  url: `http://127.0.0.1:${port}`,
  timeout,
  reuseExistingServer: false,
  gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
})

/**
 * By default the whole stack is started here and stopped afterwards: the real API against real
 * Postgres and Redis, the production build of the web app served by `vite preview` (same /api proxy
 * as dev), and the Spotify simulator the API connects "Spotify (simulated)" accounts to.
 *
 * With E2E_BASE_URL set (external-target mode) nothing is started: the suite drives that running
 * stack (Tilt's forwarded web port, the rehearsed containers), its global setup checks the stack and
 * its catalog, and the results go to their own folders (the report and test-results-external/, every
 * test's screenshot kept), so they are not mixed with a self-started run's.
 */
const results = external ? 'test-results-external' : 'test-results'
const report = external ? 'playwright-report-external' : 'playwright-report'
const reporters: ReporterDescription[] = [
  ['list'],
  ...(external || process.env.CI ? [['html', { open: 'never', outputFolder: report }] as ReporterDescription] : []),
  ['./src/support/skip-reasons.ts'],
]

export default defineConfig({
  testDir: './src',
  outputDir: `./${results}`,
  globalSetup: external ? './src/support/external-stack.ts' : undefined,
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: reporters,
  use: {
    baseURL: webUrl,
    trace: 'retain-on-failure',
    screenshot: external ? 'on' : 'only-on-failure',
    ...(useSystemChromium ? { launchOptions: { executablePath: SYSTEM_CHROMIUM, args: SYSTEM_CHROMIUM_ARGS } } : {}),
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: external ? [] : [
    {
      name: 'simulator',
      command: 'npm run start -w @ndith/provider-sim',
      cwd: repoRoot,
      // SIM_PORT/SIM_HOST win over PORT/HOST in the simulator's config.
      env: { SIM_PORT: String(ports.sim), SIM_HOST: '127.0.0.1', SIM_LOG: 'false' },
      url: `${simulatorUrl}/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
    },
    {
      name: 'api',
      command: 'tsx scripts/serve-api.ts',
      url: `http://127.0.0.1:${ports.api}/ready`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    },
    webServer('web', 'npm run build -w @ndith/web && npm run preview -w @ndith/web', ports.web, ports.api, 120_000),
    // Proxies to an API port that the "server down" tests start and stop themselves.
    webServer('web (flaky API)', 'npm run preview -w @ndith/web', ports.flakyWeb, ports.flakyApi, 60_000),
  ],
})
