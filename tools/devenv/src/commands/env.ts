import { stackOptionsHelp } from '../stack/options.ts'
import { targetEnvironment } from '../stack/target.ts'
import { parseTargetArgs } from './target-args.ts'

export const help = `Usage: devenv env [stack options]

Prints export lines for the chosen stack, e.g. to run the API's tests against the Tilt stack:
  eval "$(npx devenv env --stack tilt)" && npm test -w @ndith/api

${stackOptionsHelp}`

const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`

export async function run(argv: string[]): Promise<number> {
  const { target } = parseTargetArgs(argv, {})
  for (const [name, value] of Object.entries(targetEnvironment(target))) console.log(`export ${name}=${quote(value)}`)
  return 0
}
