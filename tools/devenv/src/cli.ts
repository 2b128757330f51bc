import { DevenvError } from './lib/errors.ts'

interface Command {
  help: string
  run(argv: string[]): Promise<number>
}

// Each command's module is loaded only when it runs: the others (docker, Redis, YAML, ...) would
// cost every call, `npm start`'s first-run check included, most of a second.
const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  doctor: { summary: 'check the tools each stack needs, with the exact fix for each missing one', load: () => import('./commands/doctor.ts') },
  ports: { summary: 'check that every port the Tilt stack forwards is free; propose a free offset', load: () => import('./commands/ports.ts') },
  plan: { summary: 'print the JSON plan the Tiltfile reads (ports, namespace, platform, triggers)', load: () => import('./commands/plan.ts') },
  render: { summary: "print one namespace's manifests: Namespace, generated Secret, the kustomize output", load: () => import('./commands/render.ts') },
  rehearse: { summary: "run the manifests' containers with docker, in Tilt's order, without a cluster", load: () => import('./commands/rehearse.ts') },
  seed: { summary: 'load development data: dev users, a few hundred real artists, DNP entries, community lists', load: () => import('./commands/seed.ts') },
  reset: { summary: 'empty the database (other sessions ended), re-run every migration, optionally seed', load: () => import('./commands/reset.ts') },
  top: { summary: "the API's and the worker's metrics live: req/s, p50/p99 per route, errors, pool, Redis, queues, memory", load: () => import('./commands/top.ts') },
  'load-test': { summary: 'a bounded load (registrations, list reads, searches): req/s, p50/p99, errors, then the metrics', load: () => import('./commands/load-test.ts') },
  health: { summary: 'API /health and /ready, web, Postgres ping and table counts, Redis ping, in one table', load: () => import('./commands/health.ts') },
  migrate: { summary: "run the API's migration command against a stack's database", load: () => import('./commands/migrate.ts') },
  env: { summary: "print a stack's DATABASE_URL, REDIS_URL, ... as shell exports", load: () => import('./commands/env.ts') },
  exec: { summary: "run a command with a stack's DATABASE_URL, REDIS_URL, ... set", load: () => import('./commands/exec.ts') },
}

const usage = `Usage: devenv <command> [options]     (from the repository: npx devenv ...)

${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`)
  .join('\n')}

devenv <command> --help shows a command's options. Guide: docs/dev-environment.md`

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage)
    return name ? 0 : 2
  }
  const entry = commands[name]
  if (!entry) {
    console.error(`devenv: unknown command "${name}"\n\n${usage}`)
    return 2
  }
  // Options after `--` belong to the command `devenv exec` runs, not to devenv.
  const own = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest
  const command = await entry.load()
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
