import { DevenvError } from '../lib/errors.ts'
import type { Target } from '../stack/target.ts'

/**
 * Embedded PGlite can be opened by one process at a time: while `npm start` runs on it, devenv
 * must not open it too. A running API answers /health, which is how we tell.
 */
export async function assertEmbeddedDatabaseFree(target: Target): Promise<void> {
  if (target.database.kind !== 'pglite') return
  const running = await fetch(`${target.apiUrl}/health`, { signal: AbortSignal.timeout(1500) }).then(
    (r) => r.ok,
    () => false,
  )
  if (running) {
    throw new DevenvError(
      `the API at ${target.apiUrl} is running on the embedded database (${target.database.dataDir}), which only one process can open`,
      'stop `npm start` (Ctrl-C), run this command, then start it again; or run the stack on real Postgres (DATABASE_URL, see README)',
    )
  }
}
