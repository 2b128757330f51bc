import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { repoRoot } from '../lib/paths.ts'
import { targetEnvironment, type Target } from '../stack/target.ts'

/**
 * Runs the API's migration command (`npm run migrate -w @ndith/api`), the one the migrate Job
 * runs too, against the target's database. Resolves with its exit code; output goes to ours.
 */
export function runMigrations(target: Target, args: string[] = []): Promise<number> {
  const env = { ...process.env, ...targetEnvironment(target) }
  if (target.database.kind === 'pglite') {
    delete env.DATABASE_URL
    // The migration command opens PGlite in DATA_DIR, which must exist on a fresh checkout.
    mkdirSync(target.database.dataDir, { recursive: true })
  }
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'migrate', '-w', '@ndith/api', '--', ...args], { cwd: repoRoot, env, stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}
