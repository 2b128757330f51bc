import * as doctor from './commands/doctor.ts'
import * as env from './commands/env.ts'
import * as exec from './commands/exec.ts'
import * as health from './commands/health.ts'
import * as migrate from './commands/migrate.ts'
import * as plan from './commands/plan.ts'
import * as ports from './commands/ports.ts'
import * as rehearse from './commands/rehearse.ts'
import * as render from './commands/render.ts'
import * as reset from './commands/reset.ts'
import * as seed from './commands/seed.ts'
import { DevenvError } from './lib/errors.ts'

interface Command {
  summary: string
  help: string
  run(argv: string[]): Promise<number>
}

const commands: Record<string, Command> = { doctor, ports, plan, render, rehearse, seed, reset, health, migrate, env, exec }

const usage = `Usage: devenv <command> [options]     (from the repository: npx devenv ...)

${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  .join('\n')}

devenv <command> --help shows a command's options. Guide: docs/dev-environment.md`

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage)
    return name ? 0 : 2
  }
  const command = commands[name]
  if (!command) {
    console.error(`devenv: unknown command "${name}"\n\n${usage}`)
    return 2
  }
  // Options after `--` belong to the command `devenv exec` runs, not to devenv.
  const own = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest
  if (own.includes('--help') || own.includes('-h')) {
    console.log(command.help)
    return 0
  }
  try {
    return await command.run(rest)
  } catch (error) {
    if (error instanceof DevenvError) {
      console.error(`devenv ${name}: ${error.message}${error.fix ? `\n  fix: ${error.fix}` : ''}`)
      return 1
    }
    if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`devenv ${name}: ${(error as Error).message}\n  see: devenv ${name} --help`)
      return 2
    }
    throw error
  }
}

process.exitCode = await main(process.argv.slice(2))
