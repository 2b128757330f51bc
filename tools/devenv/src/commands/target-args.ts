import { parseArgs, type ParseArgsConfig } from 'node:util'
import { parseStackOptions, stackOptionSpec } from '../stack/options.ts'
import { resolveTarget, type Target } from '../stack/target.ts'

/** Parses the shared stack options plus a command's own, and resolves where the stack answers. */
export function parseTargetArgs<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], own: O) {
  const { values, positionals } = parseArgs({ args: argv, options: { ...stackOptionSpec, ...own }, strict: true, allowPositionals: false })
  const target: Target = resolveTarget(parseStackOptions(values as Parameters<typeof parseStackOptions>[0]))
  return { values: values as Record<string, string | boolean | string[] | undefined>, positionals, target }
}
