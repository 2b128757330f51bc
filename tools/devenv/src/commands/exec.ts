import { spawn } from 'node:child_process'
import { constants } from 'node:os'
import { DevenvError } from '../lib/errors.ts'
import { repoRoot } from '../lib/paths.ts'
import { stackOptionsHelp } from '../stack/options.ts'
import { targetEnvironment } from '../stack/target.ts'
import { parseTargetArgs } from './target-args.ts'

export const help = `Usage: devenv exec [stack options] -- COMMAND [ARGS...]

Runs COMMAND from the repository root with the chosen stack's environment (see devenv env) and
exits with its exit code. The Tilt test triggers use it, e.g.:
  npx devenv exec --stack tilt -- npm test -w @ndith/api

${stackOptionsHelp}`

export async function run(argv: string[]): Promise<number> {
  const split = argv.indexOf('--')
  if (split === -1 || split === argv.length - 1) throw new DevenvError('no command given', 'devenv exec [stack options] -- COMMAND [ARGS...]')
  const { target } = parseTargetArgs(argv.slice(0, split), {})
  const [command, ...args] = argv.slice(split + 1) as [string, ...string[]]
  const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...targetEnvironment(target) }, stdio: 'inherit' })
  // The child gets Ctrl-C from the terminal itself; SIGTERM (Tilt stopping a run) is passed on.
  process.on('SIGTERM', () => child.kill('SIGTERM'))
  return new Promise((resolve, reject) => {
    child.on('error', (error) => reject(new DevenvError(`cannot run ${command}: ${error.message}`)))
    child.on('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)))
  })
}
