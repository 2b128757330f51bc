import { devenvCommand } from '../lib/paths.ts'
import type { LocalPorts } from '../stack/ports.ts'

/** A button in the Tilt UI: never run at start-up, only when clicked (or `tilt trigger NAME`). */
export interface Trigger {
  name: string
  description: string
  /** Tilt UI group */
  label: 'checks' | 'database' | 'tests'
  /** Resources that must be up before the first run */
  deps: string[]
  /** A local command (argv, run from the repository root) ... */
  cmd?: string[]
  /** ... or a Job from k8s/seed that Tilt creates (and re-creates on every click) */
  job?: string
}

/**
 * The design document's manual triggers. Commands that need the stack's database or Redis run
 * through `devenv exec`, which sets DATABASE_URL/REDIS_URL for the port-forwarded services.
 */
export function triggers(stackArgs: string[], ports: LocalPorts): Trigger[] {
  const devenv = (...args: string[]) => [...devenvCommand, ...args]
  const withStack = (...command: string[]) => devenv('exec', ...stackArgs, '--', ...command)
  return [
    {
      name: 'health-check',
      description: 'API /health and /ready, web / and /healthz, Postgres ping and table counts, Redis ping, simulator /health, worker /ready with the queue depths',
      label: 'checks',
      deps: ['api', 'web', 'worker'],
      cmd: devenv('health', ...stackArgs),
    },
    {
      name: 'load-test',
      description: 'A bounded load (10 s; registrations, list reads, searches): req/s, p50/p99 and errors per endpoint, then the pool, Redis and the metrics (devenv top --once)',
      label: 'checks',
      deps: ['api', 'worker'],
      cmd: devenv('load-test', ...stackArgs),
    },
    {
      name: 'db-migrate',
      description: 'Apply pending migrations now (the migrate Job already does it on every deploy)',
      label: 'database',
      deps: ['postgres'],
      cmd: devenv('migrate', ...stackArgs),
    },
    {
      name: 'db-seed',
      description: 'Run the seed Job: dev users, real artists, DNP entries, community lists (idempotent)',
      label: 'database',
      deps: ['migrate'],
      job: 'seed',
    },
    {
      name: 'db-reset',
      description: 'Drop and recreate the schema, then re-run every migration (click db-seed after it for data)',
      label: 'database',
      deps: ['postgres'],
      cmd: devenv('reset', '--yes', ...stackArgs),
    },
    {
      name: 'backend-tests',
      description: 'API and contract tests against the stack’s Postgres and Redis',
      label: 'tests',
      deps: ['postgres', 'redis'],
      cmd: withStack('npx', 'nx', 'run-many', '-t', 'test', '-p', '@ndith/api', '@ndith/contracts', '--skip-nx-cache', '--output-style=stream'),
    },
    {
      name: 'frontend-tests',
      description: 'Web app component tests (jsdom; no services needed)',
      label: 'tests',
      deps: [],
      cmd: ['npx', 'nx', 'run', '@ndith/web:test', '--skip-nx-cache', '--output-style=stream'],
    },
    {
      name: 'all-tests',
      description: 'Every project’s tests (npm test) against the stack’s Postgres and Redis',
      label: 'tests',
      deps: ['postgres', 'redis'],
      cmd: withStack('npm', 'test', '--', '--skip-nx-cache', '--output-style=stream'),
    },
    {
      name: 'e2e',
      description:
        'Browser tests (Playwright) against this stack’s forwarded web port: no servers of their own; data through the API, `devenv seed` and the simulator’s admin endpoint; report in apps/web-e2e/playwright-report-external',
      label: 'tests',
      deps: ['api', 'worker', 'web', 'provider-sim'],
      cmd: [
        'env',
        `E2E_BASE_URL=http://localhost:${ports.web}`,
        `E2E_SIMULATOR_URL=http://127.0.0.1:${ports.simulator}`,
        `E2E_DEVENV_ARGS=${stackArgs.join(' ')}`,
        'npm', 'run', 'e2e', '-w', '@ndith/web-e2e',
      ],
    },
  ]
}
