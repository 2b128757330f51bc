/**
 * Playwright's webServer for the API: recreates the suite's database, then runs the real API on the
 * e2e port until Playwright stops it (SIGTERM to the process group; the API drains and exits).
 */
import { recreateDatabase } from '../src/support/database.ts'
import { e2eDatabaseUrl, ports } from '../src/support/environment.ts'
import { startApi } from '../src/support/api-process.ts'

await recreateDatabase(e2eDatabaseUrl())
const api = await startApi(ports.api)
console.log(`e2e API ready at ${api.url} (database ${new URL(e2eDatabaseUrl()).pathname.slice(1)})`)

const shutdown = () => void api.stop().then(() => process.exit(0))
process.once('SIGTERM', shutdown)
process.once('SIGINT', shutdown)
